using System.Globalization;
using System.Text.Json;
using NasFunctions.Evaluator.Models;
using NasFunctions.Evaluator.Training;
using NasFunctions.Evaluator.Training.Augmentation;
using NasFunctions.SearchSpace;
using NasFunctions.SearchSpace.MacroCnn;
using NasFunctions.Strategy;

namespace NasFunctions.Benchmarks.Budget;

/// <summary>
/// The main job's quality under a wall-clock budget: a search for <see cref="BudgetBenchmarkOptions.Minutes"/>, then a fixed
/// reference CNN for the same minutes, both trained with the recommended image recipe on the same data; the long trainings
/// (the retraining and the reference) add <see cref="BudgetBenchmarkOptions.FinalAugmentation"/> and <see cref="BudgetBenchmarkOptions.FinalLabelSmoothing"/>.
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
        var space = ReadSpace(options.Space);
        TrialTrainer Trainer(ISearchSpace trained, bool final) => (architecture, epochs, dataFraction, seed, planned, token, checkpoints) =>
            ClassificationTrainer.Train(trained, architecture, data, epochs, dataFraction, seed, Training(options, planned, final), token, checkpoints);
        var strategy = CreateStrategy(options.Strategy, space, new Fidelity(options.Epochs, 1.0));
        var (search, retrained) = SearchThenRetrain(
            strategy, space, new Fidelity(options.Epochs, 1.0), options.CandidatesPerRound, options.Seed, budget, options.RetrainShare, options.RetrainTolerance, fromCheckpoint: false,
            Trainer(space, final: false), Trainer(space, final: true), log, time,
            cancellationToken);
        var reference = Reference(referenceArchitecture, options.Seed, budget, Trainer(referenceSpace, final: true), "reference", log, time, cancellationToken);
        return new BudgetBenchmarkResult(options.Minutes, search, reference, retrained);
    }

    /// <summary>
    /// Searches for <paramref name="budget"/> less <paramref name="retrainShare"/> of it (<see cref="Search"/>), then trains the
    /// trial <see cref="RetrainChoice"/> picks at <paramref name="retrainTolerance"/> (at 0, the best) for the rest with
    /// <paramref name="retrain"/>: from its checkpoint (<see cref="Continue"/>) where <paramref name="fromCheckpoint"/>, else its
    /// architecture from scratch (<see cref="Reference"/>); no retraining at share 0.
    /// </summary>
    internal static (BudgetRun Search, BudgetRun? Retrained) SearchThenRetrain(
        ISearchStrategy strategy,
        ISearchSpace space,
        Fidelity defaultFidelity,
        int candidatesPerRound,
        int seed,
        TimeSpan budget,
        double retrainShare,
        double retrainTolerance,
        bool fromCheckpoint,
        TrialTrainer train,
        TrialTrainer retrain,
        Action<string>? log,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var retrainBudget = budget * retrainShare;
        var (search, choice) = Search(strategy, defaultFidelity, candidatesPerRound, seed, budget - retrainBudget, retrainTolerance, train, log, time, cancellationToken);
        var architecture = space.Parse(choice.Architecture);
        var retrained = retrainShare <= 0
            ? null
            : fromCheckpoint
                ? Continue(architecture, choice, retrainBudget, retrain, log, time, cancellationToken)
                : Reference(architecture, seed, retrainBudget, retrain, "retrain", log, time, cancellationToken);
        return (search, retrained);
    }

    /// <summary>
    /// Runs rounds of <paramref name="strategy"/> (which it disposes) until <paramref name="budget"/>
    /// passes, training each candidate with <paramref name="train"/>; the best finished trial by validation score is the answer,
    /// and <see cref="RetrainChoice"/> at <paramref name="retrainTolerance"/> names the trial to retrain.
    /// </summary>
    internal static (BudgetRun Best, SearchTrial Retrain) Search(
        ISearchStrategy strategy,
        Fidelity defaultFidelity,
        int candidatesPerRound,
        int seed,
        TimeSpan budget,
        double retrainTolerance,
        TrialTrainer train,
        Action<string>? log,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var minutes = budget.TotalMinutes;
        try
        {
            var planned = PlannedLength.Epochs(strategy, defaultFidelity);
            using var deadline = new CancellationTokenSource(budget, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            var checkpoints = new Dictionary<string, TrainingCheckpoint>(StringComparer.Ordinal);
            var finished = new List<SearchTrial>();
            var epochs = 0;
            for (var round = 0; !linked.IsCancellationRequested; round++)
            {
                var candidates = strategy.Propose(candidatesPerRound, SeedSequence.CreateRandom(seed, round, 0));
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
                    var trialStarted = time.GetTimestamp();
                    try
                    {
                        var result = train(
                            candidate.Architecture, candidate.Fidelity.Epochs, candidate.Fidelity.DataFraction, SeedSequence.Derive(seed, round, index, 1),
                            planned, linked.Token, new TrainingCheckpoints { StartFrom = start, AfterEpoch = checkpoint => last = checkpoint });
                        checkpoints[trialId] = last!;
                        epochs += result.EpochsTrained;
                        var scoring = time.GetElapsedTime(trialStarted).TotalSeconds - (result.TrainSeconds - (start?.TrainSeconds ?? 0));
                        finished.Add(new SearchTrial(trialId, candidate.Architecture.Canonical, candidate.Fidelity.DataFraction, result, last!, Math.Max(0, scoring)));
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
                    strategy.Learn(outcomes, SeedSequence.CreateRandom(seed, round, 1));
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (finished.Count == 0)
            {
                throw new InvalidOperationException($"No trial finished within {minutes:G4} minutes: give the search more time.");
            }

            var best = finished.OrderByDescending(t => t.Result.ValidationAccuracy).First();
            var choice = finished[RetrainChoice.Pick(finished.ConvertAll(t => t.Result), retrainTolerance)];
            if (choice != best)
            {
                log?.Invoke($"search: retraining {choice.Id} {choice.Architecture}, the fastest per epoch within {retrainTolerance:G3} of the best validation score");
            }

            return (new BudgetRun(best.Result.ValidationAccuracy, best.Result.TestAccuracy, best.Architecture, best.Result.Epochs, epochs, finished.Count,
                time.GetElapsedTime(started).TotalSeconds), choice);
        }
        finally
        {
            (strategy as IDisposable)?.Dispose();
        }
    }

    /// <summary>
    /// Trains a search trial on from its checkpoint for the epochs <paramref name="budget"/> allows at the trial's own seconds per
    /// epoch (its scoring's seconds kept back), its schedule planned again as if over all its epochs from the start: a cosine
    /// decay rises back to where that longer plan stands, then decays to the new end.
    /// </summary>
    /// <remarks>No epoch is spent timing or relearning what the trial learned; with too little time for one epoch the trial is the result.</remarks>
    internal static BudgetRun Continue(
        Architecture architecture, SearchTrial trial, TimeSpan budget, TrialTrainer train, Action<string>? log, TimeProvider time, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var checkpoint = trial.Checkpoint;
        var epochSeconds = Math.Max(RetrainChoice.EpochSeconds(trial.Result), 1e-3);
        var fit = (int)Math.Floor((budget.TotalSeconds - trial.ScoringSeconds) / epochSeconds);
        log?.Invoke(string.Create(CultureInfo.InvariantCulture,
            $"retrain {trial.Id} {architecture.Canonical}: {epochSeconds:F1} s an epoch in the search, {fit} more epochs fit {budget.TotalSeconds:F0} s after its {checkpoint.EpochsDone}"));
        var result = trial.Result;
        if (fit >= 1)
        {
            var recipe = checkpoint.Recipe ?? throw new InvalidOperationException($"Trial {trial.Id}'s checkpoint has no schedule to plan again.");
            var stepsPerEpoch = recipe.Step / Math.Max(1, checkpoint.EpochsDone);
            var replanned = checkpoint.ForContinuation() with { Recipe = recipe with { PlannedSteps = recipe.Step + (fit * stepsPerEpoch) } };
            var epochs = checkpoint.EpochsDone + fit;
            result = train(architecture, epochs, trial.DataFraction, checkpoint.Seed, epochs, cancellationToken, new TrainingCheckpoints { StartFrom = replanned });
        }

        log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"retrain {trial.Id} {architecture.Canonical}: {result.Epochs} epochs, val {result.ValidationAccuracy * 100:F2}% test {result.TestAccuracy * 100:F2}%"));
        return new BudgetRun(result.ValidationAccuracy, result.TestAccuracy, architecture.Canonical, result.Epochs, Math.Max(0, fit), 1, time.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>The seed of a network trained alone, outside the search's rounds (the reference, or one architecture on request).</summary>
    internal static int AloneSeed(int seed) => SeedSequence.Derive(seed, 0, 0, 2);

    /// <summary>
    /// Trains a fixed architecture for the epochs <paramref name="budget"/> allows: one timed epoch, then from scratch for as many
    /// as fit the rest, timed by the training loop's own seconds and keeping back what the timed run's scoring took.
    /// </summary>
    internal static BudgetRun Reference(
        Architecture architecture, int seed, TimeSpan budget, TrialTrainer train, string label, Action<string>? log, TimeProvider time, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        seed = AloneSeed(seed);
        var timing = train(architecture, 1, 1.0, seed, 1, cancellationToken, null);
        var timed = time.GetElapsedTime(started).TotalSeconds;
        var epochSeconds = Math.Clamp(timing.TrainSeconds, 1e-3, Math.Max(timed, 1e-3));
        var scoring = timed - epochSeconds; // kept back once more for the long run's own scoring
        var fit = (int)Math.Floor((budget.TotalSeconds - timed - scoring) / epochSeconds);
        log?.Invoke(string.Create(CultureInfo.InvariantCulture,
            $"{label} {architecture.Canonical}: one epoch took {epochSeconds:F1} s and its scoring {scoring:F1} s, {fit} epochs fit the rest of {budget.TotalSeconds:F0} s"));
        var result = fit <= 1
            ? timing
            : train(architecture, fit, 1.0, seed, fit, cancellationToken, null);
        var epochs = 1 + (fit <= 1 ? 0 : fit);
        log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"{label} {architecture.Canonical}: {result.Epochs} epochs, val {result.ValidationAccuracy * 100:F2}% test {result.TestAccuracy * 100:F2}%"));
        return new BudgetRun(result.ValidationAccuracy, result.TestAccuracy, architecture.Canonical, result.Epochs, epochs, fit <= 1 ? 1 : 2, time.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>
    /// The recommended image recipe at the options' batch, its schedule planned over <paramref name="plannedEpochs"/>; a
    /// <paramref name="final"/> (long) training adds the options' augmentation and label smoothing.
    /// </summary>
    internal static TrainingOptions Training(BudgetBenchmarkOptions options, int plannedEpochs, bool final) =>
        TrainingRecipe.Recommended(ModelInput.Images, options.BatchSize).ApplyTo(new TrainingOptions
        {
            BatchSize = options.BatchSize, Threads = options.Threads, LatencyWarmups = 0, LatencyRepeats = 1, PlannedEpochs = plannedEpochs,
            Augmentation = final ? ImageAugmentation.Named(options.FinalAugmentation, options.Dataset) : ImageAugmentation.None,
            LabelSmoothing = final ? options.FinalLabelSmoothing : 0,
        });

    /// <summary>A strategy of the catalog with its default options, or (null) halving over evolution with <see cref="BudgetBenchmarkOptions.DefaultHalvingOptions"/>.</summary>
    internal static ISearchStrategy CreateStrategy(string? name, ISearchSpace space, Fidelity defaultFidelity)
    {
        var errors = new List<SpecError>();
        using var document = JsonDocument.Parse(name is null ? BudgetBenchmarkOptions.DefaultHalvingOptions : "null");
        JsonElement? strategyOptions = name is null ? document.RootElement : null;
        return StrategyCatalog.Create(name ?? BudgetBenchmarkOptions.DefaultStrategy, strategyOptions, space, defaultFidelity, "strategy", errors)
            ?? throw new ArgumentException($"Invalid strategy: {string.Join("; ", errors)}", nameof(name));
    }

    /// <summary>A space of the catalog from a spec's <c>space</c> object.</summary>
    internal static ISearchSpace ReadSpace(string json)
    {
        using var document = JsonDocument.Parse(json);
        var errors = new List<SpecError>();
        return SearchSpaceCatalog.FromJson(document.RootElement, "space", errors)
            ?? throw new ArgumentException($"Invalid space: {string.Join("; ", errors)}", nameof(json));
    }
}
