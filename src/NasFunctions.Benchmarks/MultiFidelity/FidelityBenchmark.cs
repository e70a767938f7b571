using System.Diagnostics;
using NasFunctions.Evaluator.Training;
using NasFunctions.SearchSpace;
using NasFunctions.Strategy;
using NasFunctions.Strategy.MultiFidelity;

namespace NasFunctions.Benchmarks.MultiFidelity;

/// <summary>Spends one search's architectures two ways on real data: each trained fully, and successive halving with continued training.</summary>
/// <remarks>
/// Both runs draw the same architectures (random search, same seed) and train each first epoch from the same seed, so a
/// promoted trial that continues from its checkpoint reaches exactly the weights the full run trains for that architecture.
/// Halving can only lose by dropping the architecture that would have been best. Rounds run as the durable search runs
/// them: propose, train each candidate, learn.
/// </remarks>
public static class FidelityBenchmark
{
    /// <summary>Runs both searches on <paramref name="data"/> and returns their figures; <paramref name="log"/> hears of every trial.</summary>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public static FidelityBenchmarkResult Run(
        FidelityBenchmarkOptions options, TrainingData data, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(data);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        var space = Budget.BudgetBenchmark.ReadSpace(options.Space);
        var top = new Fidelity(options.MaxEpochs, options.DataFraction);
        var training = new TrainingOptions
        {
            BatchSize = options.BatchSize, LearningRate = options.LearningRate, Threads = options.Threads, LatencyWarmups = 0, LatencyRepeats = 1,
        };

        var full = new RandomSearch(space, new RandomSearchOptions { DefaultFidelity = top });
        var fullRun = Search("full", full, 1, space, data, training, options, log, cancellationToken);

        var halving = new SuccessiveHalving(
            new RandomSearch(space, new RandomSearchOptions { DefaultFidelity = top }),
            space,
            new MultiFidelityOptions
            {
                DefaultFidelity = top, Eta = options.Eta, MinEpochs = options.MinEpochs, MaxEpochs = options.MaxEpochs,
                Candidates = options.Architectures,
            });
        var halvingRun = Search("halving", halving, halving.RungEpochs.Count, space, data, training, options, log, cancellationToken);
        return new FidelityBenchmarkResult(fullRun, halvingRun);
    }

    /// <summary>Runs <paramref name="rounds"/> rounds of propose, train, learn, keeping every trial's last checkpoint for promotions.</summary>
    private static FidelityRun Search(
        string name,
        ISearchStrategy strategy,
        int rounds,
        ISearchSpace space,
        TrainingData data,
        TrainingOptions training,
        FidelityBenchmarkOptions options,
        Action<string>? log,
        CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var checkpoints = new Dictionary<string, TrainingCheckpoint>(StringComparer.Ordinal);
        var epochs = 0;
        var trials = new List<FidelityTrial>();
        for (var round = 0; round < rounds; round++)
        {
            var candidates = strategy.Propose(options.Architectures, SeedSequence.CreateRandom(options.Seed, round, 0));
            var outcomes = new List<TrialOutcome>(candidates.Count);
            for (var index = 0; index < candidates.Count; index++)
            {
                var candidate = candidates[index];
                var trialId = $"r{round:D4}-c{index:D2}";
                var start = candidate.ContinueFrom is { } source ? checkpoints[source].ForContinuation() : null;
                var last = start;
                var result = ClassificationTrainer.Train(
                    space,
                    candidate.Architecture,
                    data,
                    candidate.Fidelity.Epochs,
                    candidate.Fidelity.DataFraction,
                    SeedSequence.Derive(options.Seed, 0, index, 1),
                    training,
                    cancellationToken,
                    new TrainingCheckpoints { StartFrom = start, AfterEpoch = checkpoint => last = checkpoint });
                checkpoints[trialId] = last!;
                epochs += result.EpochsTrained;
                trials.Add(new FidelityTrial(trialId, candidate.Architecture.Canonical, result.StartEpoch, result.Epochs, result.ValidationAccuracy));

                log?.Invoke($"{name} {trialId} {candidate.Architecture.Canonical}: {result.StartEpoch}->{result.Epochs} epochs, " +
                    $"val {result.ValidationAccuracy * 100:F2}% ({result.TrainSeconds:F1} s)");
                outcomes.Add(new TrialOutcome(trialId, candidate.Architecture, candidate.Fidelity, result.ValidationAccuracy));
            }

            strategy.Learn(outcomes, SeedSequence.CreateRandom(options.Seed, round, 1));
        }

        var best = trials.OrderByDescending(t => t.Validation).ThenBy(t => t.TrialId, StringComparer.Ordinal).First();
        return new FidelityRun(best.Validation, best.Architecture, best.Epochs, epochs, trials.Count, stopwatch.Elapsed.TotalSeconds, trials);
    }
}
