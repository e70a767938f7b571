using NasFunctions.Benchmarks.Budget;
using NasFunctions.Evaluator.Data;
using NasFunctions.Evaluator.Data.Translation;
using NasFunctions.Evaluator.Models;
using NasFunctions.Evaluator.Training;
using NasFunctions.Evaluator.Training.Seq2Seq;
using NasFunctions.SearchSpace;
using NasFunctions.SearchSpace.Seq2Seq;
using NasFunctions.Strategy;

namespace NasFunctions.Benchmarks.Translation;

/// <summary>
/// Translation quality under a wall-clock budget: a seq2seq search for <see cref="TranslationBenchmarkOptions.Minutes"/> (its
/// best architecture retrained from scratch in the last <see cref="TranslationBenchmarkOptions.RetrainShare"/> of them), then a
/// fixed attention LSTM for the same minutes, both with the same recipe on the same corpus subset.
/// </summary>
/// <remarks>
/// The rounds and the baseline's timing are the search benchmark's (<see cref="BudgetBenchmark"/>); only the trainer differs:
/// <see cref="Seq2SeqTrainer"/>, AdamW at a 3e-3 peak with a cosine decay over each run's planned epochs, label smoothing 0.1, gradients clipped to norm 1, greedy decoding bounded by the source's length (<see cref="TranslationBenchmarkOptions.Decoding"/>), the task's
/// fitness (validation BLEU for messages, 100 - WER for grapheme-to-phoneme).
/// </remarks>
public static class TranslationBenchmark
{
    /// <summary>Runs the search, then the baseline, on <paramref name="data"/> (the options' corpus, cut to its pair counts).</summary>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public static TranslationBenchmarkResult Run(
        TranslationBenchmarkOptions options, ParallelDataset data, Action<string>? log = null, TimeProvider? time = null, CancellationToken cancellationToken = default)
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
        var space = (Seq2SeqSpace)BudgetBenchmark.ReadSpace(options.Space);
        var baselineSpace = new Seq2SeqSpace(new Seq2SeqSpaceOptions
        {
            SourceVocabulary = space.Options.SourceVocabulary, TargetVocabulary = space.Options.TargetVocabulary, MaxLength = space.Options.MaxLength,
        });
        var baseline = baselineSpace.Parse(TranslationBenchmarkOptions.BaselineArchitecture);
        var decoding = options.Decoding;
        TrialTrainer Trainer(Seq2SeqSpace trained) => (architecture, epochs, dataFraction, seed, planned, token, checkpoints) =>
            Seq2SeqTrainer.Train(trained, architecture, data, epochs, dataFraction, seed, Training(options, planned), decoding, token, checkpoints).Training;
        var fidelity = new Fidelity(options.Epochs, 1.0);
        var strategy = BudgetBenchmark.CreateStrategy(options.Strategy, space, fidelity);
        var (search, retrained) = BudgetBenchmark.SearchThenRetrain(
            strategy, space, fidelity, options.CandidatesPerRound, options.Seed, budget, options.RetrainShare, options.RetrainTolerance,
            options.RetrainFrom == "checkpoint", Trainer(space), Trainer(space), log, time, cancellationToken);
        var reference = BudgetBenchmark.Reference(baseline, options.Seed, budget, Trainer(baselineSpace), "reference", log, time, cancellationToken);
        return new TranslationBenchmarkResult(options.Task, options.Metric, options.Minutes, search, reference, retrained);
    }

    /// <summary>
    /// Trains one architecture of the options' space from scratch for <paramref name="epochs"/> with the search's recipe, its
    /// schedule planned over them: how a network ranks at a horizon the search's trials do not reach.
    /// </summary>
    /// <exception cref="ArgumentException">An option or the epochs are invalid.</exception>
    /// <exception cref="FormatException">The architecture is not one of the options' space.</exception>
    public static TranslationTrainingResult TrainOne(
        TranslationBenchmarkOptions options, ParallelDataset data, string architecture, int epochs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(architecture);
        var problems = options.Validate().ToList();
        if (EpochsProblem(epochs) is { } epochsProblem)
        {
            problems.Add(epochsProblem);
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        var space = (Seq2SeqSpace)BudgetBenchmark.ReadSpace(options.Space);
        var picked = space.Parse(architecture);
        var result = Seq2SeqTrainer.Train(space, picked, data, epochs, 1.0, BudgetBenchmark.AloneSeed(options.Seed), Training(options, epochs), options.Decoding, cancellationToken);
        var training = result.Training;
        return new TranslationTrainingResult(options.Task, options.Metric, picked.Canonical, training.Epochs, training.ValidationAccuracy, training.TestAccuracy, training.TrainSeconds);
    }

    /// <summary>The most epochs <see cref="TrainOne"/> trains: 1,000.</summary>
    public const int MostEpochs = 1_000;

    /// <summary>The problem with an epoch count for <see cref="TrainOne"/>, or null when it is 1 to <see cref="MostEpochs"/>.</summary>
    public static string? EpochsProblem(int epochs) => epochs is < 1 or > MostEpochs ? $"Epochs must be 1 to {MostEpochs} (was {epochs})." : null;

    /// <summary>The options' corpus, loaded once per process and cut to the options' pair counts.</summary>
    public static ParallelDataset Load(TranslationBenchmarkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return DatasetCache.GetOrLoadParallel(options.Dataset).Take(options.TrainPairs, options.ValidationPairs, options.TestPairs);
    }

    /// <summary>
    /// The recommended recipe for pairs (AdamW, weight decay 0.01, a cosine decay after a tenth of an epoch of warmup) at a
    /// peak of <see cref="PeakLearningRate"/>, its schedule planned over <paramref name="plannedEpochs"/>.
    /// </summary>
    private static TrainingOptions Training(TranslationBenchmarkOptions options, int plannedEpochs) =>
        (TrainingRecipe.Recommended(ModelInput.Pairs, options.BatchSize) with { LearningRate = PeakLearningRate }).ApplyTo(new TrainingOptions
    {
        BatchSize = options.BatchSize,
        LabelSmoothing = 0.1,
        GradientClipNorm = 1,
        Threads = options.Threads,
        PlannedEpochs = plannedEpochs,
        LatencyWarmups = 0,
        LatencyRepeats = 1,
    });

    /// <summary>The peak learning rate: 3e-3, three times the recipe's, so a trial of one epoch (63 steps of 64 pairs) learns enough to be ranked.</summary>
    public const double PeakLearningRate = 3e-3;
}
