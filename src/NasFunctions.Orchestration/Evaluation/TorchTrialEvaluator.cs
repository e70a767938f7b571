using NasFunctions.Evaluator.Data;
using NasFunctions.Evaluator.Models;
using NasFunctions.Evaluator.Training;
using NasFunctions.Evaluator.Training.Seq2Seq;
using NasFunctions.Orchestration.Spec;
using NasFunctions.SearchSpace;
using NasFunctions.SearchSpace.Seq2Seq;
using NasFunctions.Strategy;

namespace NasFunctions.Orchestration.Evaluation;

/// <summary>Trains an architecture of any built-in space with TorchSharp on the spec's data set (held once per host, see <see cref="DatasetCache"/>), a slot at a time.</summary>
/// <remarks>
/// Image spaces (macro CNN, NAS-Bench-201) train on image sets, the MLP on CSV tables, the text encoder on text CSVs or the
/// SpamAssassin corpus, the seq2seq space on parallel data sets (<see cref="Seq2SeqTrainer"/>); the spec reader refuses other
/// pairs. The data decides the input shape and class count (or the vocabularies).
/// </remarks>
public sealed class TorchTrialEvaluator : ITrialEvaluator, IDisposable
{
    private readonly EvaluatorHostOptions _options;
    private readonly IDatasetSource _datasets;
    private readonly SemaphoreSlim _slots;

    /// <summary>Creates an evaluator with the host's training slots, reading data sets through <paramref name="datasets"/> (null: local paths only).</summary>
    public TorchTrialEvaluator(EvaluatorHostOptions options, IDatasetSource? datasets = null)
    {
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        _options = options;
        _datasets = datasets ?? LocalDatasetSource.Instance;
        _slots = new SemaphoreSlim(options.TrainingSlots, options.TrainingSlots);
        DatasetCache.CapacityBytes = options.DatasetCacheBytes; // the cache is the process's, as this host is
    }

    /// <inheritdoc />
    /// <exception cref="NotSupportedException">The space is a custom one, which this evaluator cannot build.</exception>
    public TrialEvaluation Evaluate(
        SearchSpec spec, Architecture architecture, Fidelity fidelity, int seed, TrialCheckpointing checkpointing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpointing);
        var training = new TrainingOptions
        {
            PlannedEpochs = spec.ScheduleEpochs,
            Threads = spec.Training.Threads > 0 ? spec.Training.Threads : _options.EffectiveThreads,
            Device = spec.Training.Device,
            EarlyStoppingPatience = spec.Training.EarlyStopping?.Patience ?? 0,
            EarlyStoppingMinGain = spec.Training.EarlyStopping?.MinGain ?? EarlyStoppingSpec.Default.MinGain,
            LabelSmoothing = spec.Training.LabelSmoothing,
            GradientClipNorm = spec.Training.GradientClip,
            Augmentation = spec.Training.TrialAugmentation,
            Precision = spec.Training.Precision == "bf16" && ComputeDevice.Resolve(spec.Training.Device).type == TorchSharp.DeviceType.CUDA
                ? "bf16"
                : "fp32",
        };
        TrialRecipe.Apply(training, spec.Training, spec.Space, architecture);
        var start = checkpointing.StartFrom is { } bytes ? TrainingCheckpoint.FromBytes(bytes) : null;
        var checkpoints = new TrainingCheckpoints
        {
            StartFrom = checkpointing.ContinuesAnotherTrial ? start?.ForContinuation() : start,
            AfterEpoch = checkpointing.AfterEpoch is { } afterEpoch
                ? checkpoint => afterEpoch(new EpochCheckpoint(checkpoint.EpochsDone, checkpoint.ToBytes()))
                : null,
        };

        _slots.Wait(cancellationToken);
        try
        {
            if (ModelFactory.InputOf(spec.Space) == ModelInput.Pairs)
            {
                return Translate(spec, architecture, fidelity, seed, training, checkpoints, cancellationToken);
            }

            var data = Load(spec);
            var result = ClassificationTrainer.Train(
                spec.Space, architecture, data, fidelity.Epochs, fidelity.DataFraction, seed, training, cancellationToken, checkpoints);
            return new TrialEvaluation(
                result.ValidationAccuracy,
                result.TestAccuracy,
                result.ValidationLoss,
                result.Parameters,
                result.TrainSeconds,
                result.Measures.Flops,
                result.Measures.LatencyMilliseconds,
                result.Measures.LatencyMillisecondsBatch64,
                result.Weights,
                result.Epochs,
                result.StartEpoch,
                result.StoppedEarly);
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _slots.Dispose();

    /// <summary>Trains a seq2seq architecture on the spec's parallel data set, decodes and scores it.</summary>
    private TrialEvaluation Translate(
        SearchSpec spec, Architecture architecture, Fidelity fidelity, int seed, TrainingOptions training, TrainingCheckpoints checkpoints, CancellationToken cancellationToken)
    {
        var network = (spec.Space is JointSearchSpace joint ? joint.Network : spec.Space) is Seq2SeqSpace seq2seq
            ? seq2seq.Decode(spec.Space is JointSearchSpace j ? j.NetworkOf(architecture) : architecture)
            : throw new NotSupportedException($"Search space '{spec.Space.Kind}' is not a seq2seq space.");
        var pairs = DatasetCache.GetOrLoadParallel(spec.Dataset.ToOptions((int)spec.Seed), _datasets);
        if (_options.ValidationLimit is not null || _options.TestLimit is not null)
        {
            pairs = pairs.Take(
                pairs.Train.Count, Math.Min(pairs.Validation.Count, _options.ValidationLimit ?? int.MaxValue), Math.Min(pairs.Test.Count, _options.TestLimit ?? int.MaxValue));
        }

        var result = Seq2SeqTrainer.Train(
            Seq2SeqTrainer.NetworkFor(network, pairs), pairs, fidelity.Epochs, fidelity.DataFraction, seed, training, spec.TrialDecoding.ToOptions(),
            cancellationToken, checkpoints);
        var trained = result.Training;
        return new TrialEvaluation(
            trained.ValidationAccuracy,
            trained.TestAccuracy,
            trained.ValidationLoss,
            trained.Parameters,
            trained.TrainSeconds,
            trained.Measures.Flops,
            trained.Measures.LatencyMilliseconds,
            trained.Measures.LatencyMillisecondsBatch64,
            trained.Weights,
            trained.Epochs,
            trained.StartEpoch,
            trained.StoppedEarly,
            new TrialTranslation(result.Metric, result.Validation, result.Test, result.Examples));
    }

    /// <summary>The spec's data set in the form its space trains on, validation and test splits capped as the host says.</summary>
    private TrainingData Load(SearchSpec spec)
    {
        var options = spec.Dataset.ToOptions((int)spec.Seed);
        var capped = _options.ValidationLimit is not null || _options.TestLimit is not null;
        int Validation(int count) => Math.Min(count, _options.ValidationLimit ?? int.MaxValue);
        int Test(int count) => Math.Min(count, _options.TestLimit ?? int.MaxValue);
        switch (ModelFactory.InputOf(spec.Space))
        {
            case ModelInput.Images:
                var images = DatasetCache.GetOrLoad(options, _datasets);
                return TrainingData.From(!capped ? images
                    : images.Take(images.Train.Count, Validation(images.Validation.Count), Test(images.Test.Count)));
            case ModelInput.Features:
                var table = DatasetCache.GetOrLoadTabular(options, _datasets);
                return TrainingData.From(!capped ? table
                    : table.Take(table.Train.Count, Validation(table.Validation.Count), Test(table.Test.Count)));
            default:
                var texts = DatasetCache.GetOrLoadText(options, _datasets);
                return TrainingData.From(!capped ? texts
                    : texts.Take(texts.Train.Count, Validation(texts.Validation.Count), Test(texts.Test.Count)));
        }
    }
}
