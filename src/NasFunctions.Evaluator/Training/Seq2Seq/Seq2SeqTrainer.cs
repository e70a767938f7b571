using System.Diagnostics;
using NasFunctions.Evaluator.Data.Translation;
using NasFunctions.Evaluator.Measures;
using NasFunctions.Evaluator.Models;
using NasFunctions.Evaluator.Models.Seq2Seq;
using NasFunctions.SearchSpace;
using NasFunctions.SearchSpace.Seq2Seq;

namespace NasFunctions.Evaluator.Training.Seq2Seq;

/// <summary>Trains a sequence-to-sequence network on a parallel data set through the shared <see cref="TrainingLoop"/>, then decodes and scores it.</summary>
/// <remarks>
/// Everything the classification trainer does between epochs (optimizer and schedule, label smoothing, gradient clipping,
/// checkpoints, early stopping on the fitness, continuation, cancellation, divergence) is the loop's; this task brings
/// teacher forcing, padding-aware per-token loss and batches by length (<see cref="Seq2SeqTask"/>). After training, the
/// validation split's first sources (<see cref="DecodingOptions.ValidationSentences"/>) and the whole test split are decoded (<see cref="SequenceDecoding"/>) and scored (<see cref="TranslationScoring"/>).
/// The vocabularies are the data set's; the space's <c>maxLength</c> cuts every sequence and, with the source's length, bounds decoding (<see cref="DecodingLength"/>).
/// </remarks>
public static class Seq2SeqTrainer
{
    /// <summary>Builds an architecture of a seq2seq space for the data set's vocabularies and trains it.</summary>
    /// <exception cref="ArgumentException">The options or fidelity are invalid.</exception>
    public static TranslationResult Train(
        Seq2SeqSpace space,
        Architecture architecture,
        ParallelDataset data,
        int epochs,
        double dataFraction,
        int seed,
        TrainingOptions options,
        DecodingOptions decoding,
        CancellationToken cancellationToken = default,
        TrainingCheckpoints? checkpoints = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(data);
        return Train(NetworkFor(space.Decode(architecture), data), data, epochs, dataFraction, seed, options, decoding, cancellationToken, checkpoints);
    }

    /// <summary>The network with the data set's vocabulary sizes in place of the space's.</summary>
    public static Seq2SeqNetwork NetworkFor(Seq2SeqNetwork network, ParallelDataset data)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        return network with
        {
            SourceVocabulary = data.SourceTokenizer.Vocabulary.Count,
            TargetVocabulary = data.TargetTokenizer.Vocabulary.Count,
        };
    }

    /// <summary>Trains <paramref name="network"/> up to some epochs on a seeded fraction of the train split, then decodes and scores it.</summary>
    /// <param name="network">The network; its vocabularies must be the data set's (<see cref="NetworkFor"/>).</param>
    /// <param name="data">The parallel data set.</param>
    /// <param name="epochs">Epochs the weights should have in all; a checkpoint's count towards them.</param>
    /// <param name="dataFraction">Fraction of the train split to train on, in (0, 1].</param>
    /// <param name="seed">Seeds the weights, the subset and the per-epoch order.</param>
    /// <param name="options">Batch size, optimizer, schedule, regularization, threads, device, early stopping, latency repeats.</param>
    /// <param name="decoding">Beam width, fitness metric and examples kept.</param>
    /// <param name="cancellationToken">Checked between batches and decoding steps.</param>
    /// <param name="checkpoints">Where to start from and where each epoch's checkpoint goes.</param>
    /// <exception cref="ArgumentException">The options or fidelity are invalid, or the network's vocabularies are not the data's.</exception>
    /// <exception cref="InvalidDataException">The checkpoint to start from belongs to another network.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <exception cref="TrainingDivergedException">A training or validation loss became NaN or infinite.</exception>
    public static TranslationResult Train(
        Seq2SeqNetwork network,
        ParallelDataset data,
        int epochs,
        double dataFraction,
        int seed,
        TrainingOptions options,
        DecodingOptions decoding,
        CancellationToken cancellationToken = default,
        TrainingCheckpoints? checkpoints = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(decoding);
        TrainingLoop.ThrowIfInvalid(Check(network, data, epochs, dataFraction, options, decoding));
        var (train, validation, test) = (
            new PairBatches(data.Train, network.MaxLength), new PairBatches(data.Validation, network.MaxLength), new PairBatches(data.Test, network.MaxLength));
        double Fitness(Seq2SeqModel model, CancellationToken token) =>
            TranslationScoring.Score(model, validation, data.TargetTokenizer, decoding, token, decoding.ValidationSentences).Scores.Fitness(decoding.Metric);
        var task = new Seq2SeqTask(train, options, Fitness);
        return TrainingLoop.Run(task, () => new Seq2SeqModel(network), epochs, dataFraction, seed, options, cancellationToken, checkpoints, (model, run) =>
        {
            var loss = TranslationScoring.TokenLoss(model, validation, decoding.Chunk, cancellationToken);
            TrainingLoop.ThrowIfDiverged(run.EpochsDone, loss);
            var (validationScores, _) = TranslationScoring.Score(model, validation, data.TargetTokenizer, decoding, cancellationToken, decoding.ValidationSentences);
            var (testScores, decoded) = TranslationScoring.Score(model, test, data.TargetTokenizer, decoding, cancellationToken);
            var measures = Measure(model, test.Count > 0 ? test : validation.Count > 0 ? validation : train, options, decoding, MeanLength(train));
            var training = run.Result(validationScores.Fitness(decoding.Metric), testScores.Fitness(decoding.Metric), loss, model, measures);
            var examples = decoded.Take(decoding.Examples)
                .Select(d => new DecodedExample(data.Test.Pairs[d.Pair].Source, data.Test.Pairs[d.Pair].Target, d.Hypothesis)).ToArray();
            return new TranslationResult(training, decoding.Metric, validationScores, testScores, examples);
        });
    }

    /// <summary>Every problem with training this network on this data at this fidelity with these options; empty when there is none.</summary>
    public static List<string> Check(
        Seq2SeqNetwork network, ParallelDataset data, int epochs, double dataFraction, TrainingOptions options, DecodingOptions decoding)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(decoding);
        var errors = new List<string>(options.Validate());
        errors.AddRange(decoding.Validate());
        if (!options.Augmentation.IsNone)
        {
            errors.Add("Augmentation changes images; a sequence-to-sequence training has none to change.");
        }

        if (network.SourceVocabulary != data.SourceTokenizer.Vocabulary.Count || network.TargetVocabulary != data.TargetTokenizer.Vocabulary.Count)
        {
            errors.Add($"The network's vocabularies ({network.SourceVocabulary}, {network.TargetVocabulary}) are not the data set's " +
                $"({data.SourceTokenizer.Vocabulary.Count}, {data.TargetTokenizer.Vocabulary.Count}).");
        }

        errors.AddRange(TrainingLoop.CheckFidelity(data.Name, data.Train.Count, epochs, dataFraction));
        return errors;
    }

    /// <summary>Parameters, FLOPs per target token, and milliseconds per decoded sentence alone and in a chunk of up to 64.</summary>
    private static ModelMeasures Measure(Seq2SeqModel model, PairBatches split, TrainingOptions options, DecodingOptions decoding, int length)
    {
        var parameters = model.parameters().Where(p => p.requires_grad).Sum(p => p.numel());
        var flops = Seq2SeqFlops.PerToken(model.Network, length);
        if (split.Count == 0)
        {
            return new ModelMeasures(parameters, flops, 0, 0);
        }

        double Time(int[] pairs, int chunk)
        {
            var watch = Stopwatch.StartNew();
            SequenceDecoding.Decode(model, split, pairs, decoding.BeamWidth, decoding.Length(split.MaxLength), chunk);
            return watch.Elapsed.TotalMilliseconds;
        }

        for (var i = 0; i < options.LatencyWarmups; i++)
        {
            Time([i % split.Count], 1);
        }

        var alone = Enumerable.Range(0, Math.Max(1, options.LatencyRepeats)).Select(i => Time([i % split.Count], 1)).Order().ToArray();
        var batch = Enumerable.Range(0, Math.Min(ModelMeasures.LargeBatch, split.Count)).ToArray();
        return new ModelMeasures(parameters, flops, alone[alone.Length / 2], Time(batch, batch.Length) / batch.Length);
    }

    private static int MeanLength(PairBatches train) =>
        train.Count == 0 ? 1 : (int)Math.Round(Enumerable.Range(0, train.Count).Average(i => Math.Min(train.MaxLength, train.Split.TargetIds[i].Length + 1)));
}
