using System.Globalization;
using System.Text.Json;
using NasFunctions.Evaluator.Models;
using NasFunctions.Evaluator.Training;
using NasFunctions.SearchSpace;
using NasFunctions.SearchSpace.MacroCnn;
using NasFunctions.Strategy;

namespace NasFunctions.Benchmarks.Budget;

/// <summary>
/// The main job's quality under a wall-clock budget: a search for <see cref="BudgetBenchmarkOptions.Minutes"/>, then a fixed
/// reference CNN for the same minutes, both trained with the recommended image recipe on the same data.
/// </summary>
/// <remarks>
/// The search runs rounds as the durable search does (propose, train each candidate, learn), promoted trials continuing from
/// their checkpoints, every schedule planned over <see cref="PlannedLength"/>; at the deadline the trial in training is cut
/// off and the best finished trial by validation accuracy is the search's answer. The reference first times one epoch, then
/// trains from scratch for the epochs its remaining minutes allow, its schedule planned over exactly those.
/// </remarks>
public static class BudgetBenchmark
{
    /// <summary>Runs the search, then the reference, on <paramref name="data"/>; <paramref name="log"/> hears of every trial.</summary>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public static BudgetBenchmarkResult Run(
        BudgetBenchmarkOptions options, TrainingData data, Action<string>? log = null, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(data);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        time ??= TimeProvider.System;
        var budget = TimeSpan.FromMinutes(options.Minutes);
        var referenceSpace = new MacroCnnSpace(new MacroCnnSpaceOptions { Channels = [16, 32, 64, 128] });
        var referenceArchitecture = referenceSpace.Parse(options.ReferenceArchitecture); // before the search, so a bad one costs no minutes
        var search = Search(options, data, budget, log, time, cancellationToken);
        var reference = Reference(options, data, budget, referenceSpace, referenceArchitecture, log, time, cancellationToken);
        return new BudgetBenchmarkResult(options.Minutes, search, reference);
    }

    private static BudgetRun Search(
        BudgetBenchmarkOptions options, TrainingData data, TimeSpan budget, Action<string>? log, TimeProvider time, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var space = ReadSpace(options.Space);
        var defaultFidelity = new Fidelity(options.Epochs, 1.0);
        var strategy = CreateStrategy(options, space, defaultFidelity);
        try
        {
            var training = Training(options, PlannedLength.Epochs(strategy, defaultFidelity));
            using var deadline = new CancellationTokenSource(budget, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            var checkpoints = new Dictionary<string, TrainingCheckpoint>(StringComparer.Ordinal);
            var finished = new List<(TrainingResult Result, string Architecture)>();
            var epochs = 0;
            for (var round = 0; !linked.IsCancellationRequested; round++)
            {
                var candidates = strategy.Propose(options.CandidatesPerRound, SeedSequence.CreateRandom(options.Seed, round, 0));
                if (candidates.Count == 0)
                {
                    break;
                }

                var outcomes = new List<TrialOutcome>(candidates.Count);
                for (var index = 0; index < candidates.Count && !linked.IsCancellationRequested; index++)
                {
                    var candidate = candidates[index];
                    var trialId = $"r{round:D4}-c{index:D2}";
                    var start = candidate.ContinueFrom is { } source ? checkpoints[source].ForContinuation() : null;
                    var last = start;
                    var startEpochs = start?.EpochsDone ?? 0;
                    try
                    {
                        var result = ClassificationTrainer.Train(
                            space, candidate.Architecture, data, candidate.Fidelity.Epochs, candidate.Fidelity.DataFraction,
                            SeedSequence.Derive(options.Seed, round, index, 1), training, linked.Token,
                            new TrainingCheckpoints { StartFrom = start, AfterEpoch = checkpoint => last = checkpoint });
                        checkpoints[trialId] = last!;
                        epochs += result.EpochsTrained;
                        finished.Add((result, candidate.Architecture.Canonical));
                        outcomes.Add(new TrialOutcome(trialId, candidate.Architecture, candidate.Fidelity, result.ValidationAccuracy));
                        log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"search {trialId} {candidate.Architecture.Canonical}: {result.StartEpoch}->{result.Epochs} epochs, val {result.ValidationAccuracy * 100:F2}% ({result.TrainSeconds:F1} s)"));
                    }
                    catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                    {
                        epochs += (last?.EpochsDone ?? startEpochs) - startEpochs;
                        log?.Invoke($"search {trialId} {candidate.Architecture.Canonical}: cut off at the deadline");
                    }
                }

                if (!linked.IsCancellationRequested)
                {
                    strategy.Learn(outcomes, SeedSequence.CreateRandom(options.Seed, round, 1));
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (finished.Count == 0)
            {
                throw new InvalidOperationException($"No trial finished within {options.Minutes} minutes: give the search more time.");
            }

            var best = finished.OrderByDescending(t => t.Result.ValidationAccuracy).First();
            return new BudgetRun(best.Result.ValidationAccuracy, best.Result.TestAccuracy, best.Architecture, best.Result.Epochs, epochs, finished.Count, time.GetElapsedTime(started).TotalSeconds);
        }
        finally
        {
            (strategy as IDisposable)?.Dispose();
        }
    }

    private static BudgetRun Reference(
        BudgetBenchmarkOptions options,
        TrainingData data,
        TimeSpan budget,
        ISearchSpace space,
        Architecture architecture,
        Action<string>? log,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var seed = SeedSequence.Derive(options.Seed, 0, 0, 2);
        var timing = ClassificationTrainer.Train(space, architecture, data, 1, 1.0, seed, Training(options, 1), cancellationToken);
        var epochSeconds = Math.Max(time.GetElapsedTime(started).TotalSeconds, 1e-3);
        var fit = (int)Math.Floor((budget.TotalSeconds - epochSeconds) / epochSeconds);
        log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"reference {architecture.Canonical}: one epoch took {epochSeconds:F1} s, {fit} epochs fit the rest of {budget.TotalSeconds:F0} s"));
        var result = fit <= 1
            ? timing
            : ClassificationTrainer.Train(space, architecture, data, fit, 1.0, seed, Training(options, fit), cancellationToken);
        var epochs = 1 + (fit <= 1 ? 0 : fit);
        log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"reference {architecture.Canonical}: {result.Epochs} epochs, val {result.ValidationAccuracy * 100:F2}% test {result.TestAccuracy * 100:F2}%"));
        return new BudgetRun(result.ValidationAccuracy, result.TestAccuracy, architecture.Canonical, result.Epochs, epochs, fit <= 1 ? 1 : 2, time.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>The recommended image recipe at the options' batch, its schedule planned over <paramref name="plannedEpochs"/>.</summary>
    private static TrainingOptions Training(BudgetBenchmarkOptions options, int plannedEpochs) =>
        TrainingRecipe.Recommended(ModelInput.Images, options.BatchSize).ApplyTo(new TrainingOptions
        {
            BatchSize = options.BatchSize, Threads = options.Threads, LatencyWarmups = 0, LatencyRepeats = 1, PlannedEpochs = plannedEpochs,
        });

    private static ISearchStrategy CreateStrategy(BudgetBenchmarkOptions options, ISearchSpace space, Fidelity defaultFidelity)
    {
        var errors = new List<SpecError>();
        using var document = JsonDocument.Parse(options.Strategy is null ? BudgetBenchmarkOptions.DefaultHalvingOptions : "null");
        JsonElement? strategyOptions = options.Strategy is null ? document.RootElement : null;
        return StrategyCatalog.Create(options.Strategy ?? BudgetBenchmarkOptions.DefaultStrategy, strategyOptions, space, defaultFidelity, "strategy", errors)
            ?? throw new ArgumentException($"Invalid strategy: {string.Join("; ", errors)}", nameof(options));
    }

    private static ISearchSpace ReadSpace(string json)
    {
        using var document = JsonDocument.Parse(json);
        var errors = new List<SpecError>();
        return SearchSpaceCatalog.FromJson(document.RootElement, "space", errors)
            ?? throw new ArgumentException($"Invalid space: {string.Join("; ", errors)}", nameof(json));
    }
}
