using System.Text.Json.Nodes;
using NasFunctions.SearchSpace;

namespace NasFunctions.Strategy.MultiFidelity;

/// <summary>One bracket of synchronous successive halving: its rungs, what the current rung still has to propose, and what it measured.</summary>
/// <remarks>
/// The first rung trains <see cref="BracketPlan.Size"/> fresh architectures, drawn from the proposer as they are proposed. Once
/// every trial of a rung is measured, the best max(1, floor(n / eta)) of its n planned trials by fitness (failed ones never;
/// ties to the smaller trial id) move up a rung, each continuing from the trial it was measured as. The bracket is done after
/// its last rung, or when a rung has nothing to promote.
/// </remarks>
internal sealed class Bracket
{
    private readonly IReadOnlyList<int> _rungEpochs;
    private readonly int _eta;
    private readonly double _dataFraction;
    private readonly List<RungEntry> _queued = [];
    private readonly List<RungEntry> _inFlight = [];
    private readonly List<RungResult> _measured = [];

    /// <summary>A new bracket at its first rung; candidates train on <paramref name="dataFraction"/> of the data.</summary>
    public Bracket(BracketPlan plan, int eta, double dataFraction)
    {
        _rungEpochs = plan.RungEpochs;
        _eta = eta;
        _dataFraction = dataFraction;
        RungSize = plan.Size;
        FreshLeft = plan.Size;
    }

    /// <summary>The current rung, 0 for the first.</summary>
    public int Rung { get; private set; }

    /// <summary>The trials the current rung plans: the bracket size on the first rung (less if the proposer ran dry), then the promotions' quota.</summary>
    public int RungSize { get; private set; }

    /// <summary>Fresh architectures the first rung still has to draw from the proposer; 0 above it.</summary>
    public int FreshLeft { get; private set; }

    /// <summary>True once the last rung was measured, or a rung had nothing to promote.</summary>
    public bool IsDone { get; private set; }

    /// <summary>The epochs of each rung, lowest first.</summary>
    public IReadOnlyList<int> RungEpochs => _rungEpochs;

    /// <summary>A fresh architecture joins the first rung; returns its candidate.</summary>
    public Candidate AddFresh(Architecture architecture)
    {
        FreshLeft--;
        return Send(new RungEntry(architecture, null));
    }

    /// <summary>The proposer has no more architectures: the first rung is what was drawn, and it moves on once that is measured.</summary>
    public void StopDrawing()
    {
        RungSize -= FreshLeft;
        FreshLeft = 0;
        Advance();
    }

    /// <summary>Up to <paramref name="count"/> of the current rung's promoted, not yet proposed trials, best first.</summary>
    public List<Candidate> TakeQueued(int count)
    {
        var taken = _queued.Take(count).ToList();
        _queued.RemoveRange(0, taken.Count);
        return [.. taken.Select(Send)];
    }

    /// <summary>Records <paramref name="outcome"/> when it answers a proposed trial of the current rung; false when it does not.</summary>
    public bool Record(TrialOutcome outcome)
    {
        var index = _inFlight.FindIndex(e => e.Architecture.Canonical == outcome.Architecture.Canonical);
        if (index < 0)
        {
            return false;
        }

        var fitness = outcome.Fitness is { } f && double.IsFinite(f) ? f : (double?)null;
        _measured.Add(new RungResult(outcome.TrialId, _inFlight[index].Architecture, fitness));
        _inFlight.RemoveAt(index);
        return true;
    }

    /// <summary>When every trial of the current rung is measured, promotes the best to the next rung, or ends the bracket.</summary>
    public void Advance()
    {
        if (IsDone || FreshLeft > 0 || _queued.Count > 0 || _inFlight.Count > 0)
        {
            return;
        }

        var quota = Math.Max(1, RungSize / _eta);
        var promoted = _measured
            .Where(m => m.Fitness is not null)
            .OrderByDescending(m => m.Fitness)
            .ThenBy(m => m.TrialId, StringComparer.Ordinal)
            .Take(quota)
            .ToList();
        _measured.Clear();
        if (Rung == _rungEpochs.Count - 1 || promoted.Count == 0)
        {
            IsDone = true;
            return;
        }

        Rung++;
        RungSize = quota;
        _queued.AddRange(promoted.Select(m => new RungEntry(m.Architecture, m.TrialId)));
    }

    /// <summary>The bracket as JSON, read back by <see cref="FromJson"/>.</summary>
    public JsonObject ToJson() => new()
    {
        ["rungEpochs"] = new JsonArray([.. _rungEpochs.Select(e => (JsonNode?)e)]),
        ["rung"] = Rung,
        ["rungSize"] = RungSize,
        ["freshLeft"] = FreshLeft,
        ["queued"] = EntriesToJson(_queued),
        ["inFlight"] = EntriesToJson(_inFlight),
        ["measured"] = new JsonArray([.. _measured.Select(m => (JsonNode?)new JsonObject
        {
            ["trialId"] = m.TrialId,
            ["architecture"] = m.Architecture.Canonical,
            ["fitness"] = m.Fitness,
        })]),
    };

    /// <summary>Reads a bracket written by <see cref="ToJson"/>; throws <see cref="FormatException"/> when it is damaged.</summary>
    public static Bracket FromJson(JsonObject json, ISearchSpace space, int eta, double dataFraction)
    {
        var rungEpochs = Array(json, "rungEpochs").Select(n => n?.GetValue<int>() ?? throw new FormatException("a rung has no epochs")).ToArray();
        var bracket = new Bracket(new BracketPlan(0, rungEpochs), eta, dataFraction)
        {
            Rung = Int(json, "rung"),
            RungSize = Int(json, "rungSize"),
            FreshLeft = Int(json, "freshLeft"),
        };
        if (rungEpochs.Length == 0 || bracket.Rung < 0 || bracket.Rung >= rungEpochs.Length)
        {
            throw new FormatException($"rung {bracket.Rung} is not one of the bracket's {rungEpochs.Length} rungs");
        }

        bracket._queued.AddRange(EntriesFromJson(Array(json, "queued"), space));
        bracket._inFlight.AddRange(EntriesFromJson(Array(json, "inFlight"), space));
        bracket._measured.AddRange(Array(json, "measured").Select(node => node as JsonObject ?? throw new FormatException("a measured trial is not an object"))
            .Select(m => new RungResult(
                m["trialId"]?.GetValue<string>() ?? throw new FormatException("a measured trial has no trialId"),
                Parse(m, space),
                m["fitness"]?.GetValue<double>())));
        return bracket;
    }

    private Candidate Send(RungEntry entry)
    {
        _inFlight.Add(entry);
        return new Candidate(entry.Architecture, new Fidelity(_rungEpochs[Rung], _dataFraction), entry.ContinueFrom);
    }

    private static JsonArray EntriesToJson(IEnumerable<RungEntry> entries) => new([.. entries.Select(e => (JsonNode?)new JsonObject
    {
        ["architecture"] = e.Architecture.Canonical,
        ["continueFrom"] = e.ContinueFrom,
    })]);

    private static IEnumerable<RungEntry> EntriesFromJson(JsonArray array, ISearchSpace space) => array
        .Select(node => node as JsonObject ?? throw new FormatException("a rung entry is not an object"))
        .Select(e => new RungEntry(Parse(e, space), e["continueFrom"]?.GetValue<string>()));

    private static Architecture Parse(JsonObject node, ISearchSpace space) =>
        space.Parse(node["architecture"]?.GetValue<string>() ?? throw new FormatException("a bracket entry has no architecture"));

    private static JsonArray Array(JsonObject json, string name) => json[name] as JsonArray ?? throw new FormatException($"the bracket has no '{name}' list");

    private static int Int(JsonObject json, string name) => json[name]?.GetValue<int>() ?? throw new FormatException($"the bracket has no '{name}'");
}
