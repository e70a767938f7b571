using System.Text.Json.Nodes;
using NasFunctions.SearchSpace;

namespace NasFunctions.Strategy.Progressive;

/// <summary>
/// Grows networks from the smallest the space allows, one complexity step per round, and measures the candidates a learned
/// fitness predictor ranks best.
/// </summary>
/// <remarks>
/// Each round the frontier is the smallest networks plus every one-step growth of the <see cref="ProgressiveOptions.Beam"/> best
/// measured ones, held under a complexity bound that rises by <see cref="ProgressiveOptions.GrowthPerRound"/> per learned
/// round (and further when a round would otherwise come up short). Once <see cref="ProgressiveOptions.WidenAfter"/> trials are
/// measured, the pool widens to every unmeasured architecture under the bound (all of them, listed once, for spaces of at most
/// <see cref="ProgressiveOptions.EnumerationLimit"/> combinations; random samples otherwise). The predictor is a Gaussian
/// process over decision choices with single, pair (and triple) interaction features, fitted to the rank-normal scores of the
/// fitness measured so far; each pick maximizes one posterior draw (Thompson sampling tempered by
/// <see cref="ProgressiveOptions.Exploration"/>), so a batch spreads over several good candidates. No architecture is proposed
/// twice. The state holds what was proposed and measured; the predictor is refitted from it.
/// </remarks>
public sealed class ProgressiveSearch : ISearchStrategy
{
    /// <summary>The strategy's name in specs.</summary>
    public const string StrategyName = "progressive";

    private const int StateVersion = 1;
    private const int FewestForKernelChoice = 4;

    private readonly ISearchSpace _space;
    private readonly IGrowableSpace _growth;
    private readonly ProgressiveOptions _options;
    private readonly DecisionEncoder _encoder;
    private readonly InteractionFeatures _features;
    private readonly IReadOnlyList<PredictorKernel> _kernels;
    private readonly EnumeratedSpace? _listing;
    private readonly PoolEntry[] _listed = [];
    private readonly bool[] _taken = [];
    private readonly int _smallestComplexity;
    private readonly PoolEntry[] _smallestListed = [];
    private readonly UnseenSampler _unseen;
    private readonly List<Measurement> _measured = [];
    private readonly Dictionary<int, PredictorKernel> _kernelAt = [];
    private int _round;
    private int _bound;
    private int _largestSeenComplexity;

    /// <summary>Creates the strategy over <paramref name="space"/>; throws <see cref="ArgumentException"/> when the options are invalid.</summary>
    public ProgressiveSearch(ISearchSpace space, ProgressiveOptions options)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(options);
        OptionRules.ThrowIfInvalid(options.Validate(), "progressive search");
        _space = space;
        _unseen = new UnseenSampler(space);
        _growth = space.AsGrowable();
        _options = options;
        _encoder = new DecisionEncoder(space.Decisions);
        _features = new InteractionFeatures(_encoder.Cardinalities, options.Interactions);
        _kernels = PredictorKernel.Grid(_features.Order);
        if (DecisionGrid.Count(space.Decisions) <= options.EnumerationLimit)
        {
            _listing = EnumeratedSpace.Of(space);
            _listed = [.. Enumerable.Range(0, _listing.Count).Select(i =>
                new PoolEntry(_listing.Canonicals[i], _features.Active(_listing.Codes[i]), _listing.Complexities[i], i, null))];
            _taken = new bool[_listing.Count];
            _smallestComplexity = _listing.Count == 0 ? 0 : _listing.Complexities.Min();
            _smallestListed = [.. _listed.Where(e => e.Complexity == _smallestComplexity)];
            _largestSeenComplexity = _listing.MaxComplexity;
        }
        else
        {
            _smallestComplexity = _growth.Smallest().Take(Math.Max(options.SamplesPerRound, 1)).Select(_growth.Complexity).DefaultIfEmpty(0).Min();
            _largestSeenComplexity = _smallestComplexity;
        }

        _bound = _smallestComplexity;
    }

    /// <inheritdoc />
    public string Name => StrategyName;

    /// <inheritdoc />
    public bool IsExhausted => _unseen.IsExhausted || (_listing is not null && _taken.All(t => t));

    /// <summary>The complexity bound the next proposals are held under.</summary>
    public int ComplexityBound => _bound;

    /// <summary>How many distinct architectures were proposed or learned about.</summary>
    public int SeenCount => _unseen.Seen.Count;

    /// <inheritdoc />
    public IReadOnlyList<Candidate> Propose(int count, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(random);
        var candidates = new List<Candidate>(count);
        if (count == 0 || IsExhausted)
        {
            return candidates;
        }

        var predictor = FitPredictor();
        var pool = BuildPool(count, random);
        var picked = new bool[pool.Count];
        for (var slot = 0; slot < count && candidates.Count < pool.Count; slot++)
        {
            var scorer = Scorer(predictor, random);
            var start = random.Next(pool.Count);
            var best = -1;
            var bestScore = double.NegativeInfinity;
            for (var step = 0; step < pool.Count; step++)
            {
                var i = (start + step) % pool.Count;
                if (picked[i])
                {
                    continue;
                }

                var score = scorer.Score(pool[i].Active);
                if (best < 0 || score > bestScore)
                {
                    best = i;
                    bestScore = score;
                }
            }

            picked[best] = true;
            var entry = pool[best];
            Remember(entry.Canonical);
            candidates.Add(new Candidate(entry.Architecture ?? _listing!.Create(entry.ListingIndex), _options.DefaultFidelity));
        }

        if (candidates.Count == 0)
        {
            _unseen.SearchFailed = true;
        }

        return candidates;
    }

    /// <inheritdoc />
    public void Learn(IReadOnlyList<TrialOutcome> outcomes, Random random)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        foreach (var outcome in outcomes)
        {
            Remember(outcome.Architecture.Canonical);
            if (outcome.Fitness is { } fitness && double.IsFinite(fitness))
            {
                AddMeasurement(outcome.Architecture, fitness);
            }
        }

        _round++;
        _bound += _options.GrowthPerRound;
        if (_listing is not null)
        {
            _bound = Math.Min(_bound, _listing.MaxComplexity);
        }
    }

    /// <inheritdoc />
    public JsonObject SaveState()
    {
        var state = StrategyState.Header(StrategyName, StateVersion);
        state["round"] = _round;
        state["bound"] = _bound;
        state["largestSeenComplexity"] = _largestSeenComplexity;
        state["searchFailed"] = _unseen.SearchFailed;
        state["seen"] = _unseen.Seen.ToJson();
        state["measured"] = new JsonArray([.. _measured.Select(m => (JsonNode?)new JsonObject
        {
            ["architecture"] = m.Architecture.Canonical,
            ["fitness"] = m.Fitness,
        })]);
        return state;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The state was not written by this strategy, or is damaged.</exception>
    public void LoadState(JsonObject state) => StrategyState.Load(state, StrategyName, StateVersion, () =>
    {
        var round = state["round"]?.GetValue<int>() ?? throw new ArgumentException("state has no 'round'", nameof(state));
        var bound = state["bound"]?.GetValue<int>() ?? throw new ArgumentException("state has no 'bound'", nameof(state));
        var largest = state["largestSeenComplexity"]?.GetValue<int>() ?? bound;
        var measured = (state["measured"] as JsonArray ?? throw new ArgumentException("state has no 'measured' list", nameof(state)))
            .Select(node => node as JsonObject ?? throw new ArgumentException("state's 'measured' list holds a non-object", nameof(state)))
            .Select(node => (
                Architecture: _space.Parse(node["architecture"]?.GetValue<string>() ?? throw new ArgumentException("a measurement has no architecture", nameof(state))),
                Fitness: node["fitness"]?.GetValue<double>() ?? throw new ArgumentException("a measurement has no fitness", nameof(state))))
            .ToList();

        _unseen.Load(state);
        Array.Clear(_taken);
        _measured.Clear();
        _kernelAt.Clear();
        foreach (var canonical in _unseen.Seen)
        {
            Take(canonical);
        }

        measured.ForEach(m => AddMeasurement(m.Architecture, m.Fitness));
        _round = round;
        _bound = bound;
        _largestSeenComplexity = largest;
    });

    private void Remember(string canonical)
    {
        if (_unseen.Seen.Add(canonical))
        {
            Take(canonical);
        }
    }

    private void Take(string canonical)
    {
        if (_listing?.IndexOf(canonical) is >= 0 and var index)
        {
            _taken[index] = true;
        }
    }

    private void AddMeasurement(Architecture architecture, double fitness)
    {
        var code = _encoder.Encode(architecture);
        var complexity = _growth.Complexity(architecture);
        _largestSeenComplexity = Math.Max(_largestSeenComplexity, complexity);
        _measured.Add(new Measurement(architecture, code, _features.Active(code), complexity, fitness));
    }

    private InteractionPredictor? FitPredictor()
    {
        if (_measured.Count == 0)
        {
            return null;
        }

        var targets = NormalScores.FromRanks([.. _measured.Select(m => m.Fitness)]);
        return InteractionPredictor.Fit(
            _features, [.. _measured.Select(m => m.Code)], [.. _measured.Select(m => m.Active)], targets, KernelFor(_measured.Count));
    }

    /// <summary>
    /// The kernel picked by marginal likelihood on the first m measurements, m the largest of 4, 6, 8, 12, 16, 24, ... not above
    /// <paramref name="measured"/>: refitted as the data grows by about half, and the same after a reload.
    /// </summary>
    private PredictorKernel KernelFor(int measured)
    {
        var fallback = _kernels[_kernels.Count / 2];
        if (measured < FewestForKernelChoice)
        {
            return fallback;
        }

        var m = FewestForKernelChoice;
        while (NextCheckpoint(m) <= measured)
        {
            m = NextCheckpoint(m);
        }

        if (!_kernelAt.TryGetValue(m, out var kernel))
        {
            var first = _measured.Take(m).ToList();
            kernel = InteractionPredictor.SelectKernel(
                _features, [.. first.Select(x => x.Code)], NormalScores.FromRanks([.. first.Select(x => x.Fitness)]), _kernels);
            _kernelAt[m] = kernel;
        }

        return kernel;

        static int NextCheckpoint(int m) => (m & (m - 1)) == 0 ? m + (m / 2) : m / 3 * 4;
    }

    private FeatureScorer Scorer(InteractionPredictor? predictor, Random random) => predictor switch
    {
        null => InteractionPredictor.PriorDraw(_features, _kernels[_kernels.Count / 2], random, _options.Exploration),
        _ when _options.Exploration == 0 => predictor.Mean(),
        _ => predictor.Draw(random, _options.Exploration),
    };

    private List<PoolEntry> BuildPool(int count, Random random)
    {
        while (true)
        {
            var pool = new List<PoolEntry>();
            var inPool = new HashSet<string>(StringComparer.Ordinal);
            if (_listing is null)
            {
                foreach (var architecture in _growth.Smallest().Take(Math.Max(_options.SamplesPerRound, count)))
                {
                    Add(architecture, _smallestComplexity);
                }
            }
            else
            {
                pool.AddRange(_smallestListed.Where(e => !_taken[e.ListingIndex] && inPool.Add(e.Canonical)));
            }

            var beam = _measured.Select((m, order) => (m, order))
                .OrderByDescending(p => p.m.Fitness).ThenBy(p => p.order).Take(_options.Beam).Select(p => p.m);
            foreach (var parent in beam.Where(p => p.Complexity < _bound))
            {
                foreach (var architecture in _growth.Grow(parent.Architecture))
                {
                    Add(architecture, parent.Complexity + 1);
                }
            }

            if (_measured.Count >= _options.WidenAfter || pool.Count < count)
            {
                Widen(pool, inPool, random);
            }

            if (pool.Count >= count || _bound >= _largestSeenComplexity)
            {
                return pool;
            }

            _bound++;

            void Add(Architecture architecture, int complexity)
            {
                if (complexity <= _bound && !_unseen.Seen.Contains(architecture.Canonical) && inPool.Add(architecture.Canonical))
                {
                    var index = _listing?.IndexOf(architecture.Canonical) ?? -1;
                    pool.Add(index >= 0 ? _listed[index] : Entry(architecture, complexity));
                }
            }
        }
    }

    private void Widen(List<PoolEntry> pool, HashSet<string> inPool, Random random)
    {
        if (_listing is not null)
        {
            var inFrontier = new bool[_listed.Length];
            foreach (var entry in pool.Where(e => e.ListingIndex >= 0))
            {
                inFrontier[entry.ListingIndex] = true;
            }

            for (var i = 0; i < _listed.Length; i++)
            {
                if (!_taken[i] && !inFrontier[i] && _listed[i].Complexity <= _bound)
                {
                    pool.Add(_listed[i]);
                }
            }

            return;
        }

        for (var s = 0; s < _options.SamplesPerRound; s++)
        {
            var architecture = DecisionSampler.Sample(_space, random);
            var complexity = _growth.Complexity(architecture);
            _largestSeenComplexity = Math.Max(_largestSeenComplexity, complexity);
            if (complexity <= _bound && !_unseen.Seen.Contains(architecture.Canonical) && inPool.Add(architecture.Canonical))
            {
                pool.Add(Entry(architecture, complexity));
            }
        }
    }

    private PoolEntry Entry(Architecture architecture, int complexity) =>
        new(architecture.Canonical, _features.Active(_encoder.Encode(architecture)), complexity, -1, architecture);
}
