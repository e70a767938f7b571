using NasFunctions.Evaluator.Data;
using NasFunctions.Evaluator.Training;
using NasFunctions.Orchestration.Spec;
using NasFunctions.SearchSpace;
using NasFunctions.SearchSpace.MacroCnn;
using NasFunctions.Strategy;

namespace NasFunctions.Orchestration.Evaluation;

/// <summary>Trains an architecture with TorchSharp on the spec's data set (loaded once per host), a slot at a time.</summary>
public sealed class TorchTrialEvaluator : ITrialEvaluator, IDisposable
{
    private readonly EvaluatorHostOptions _options;
    private readonly SemaphoreSlim _slots;

    /// <summary>Creates an evaluator with the host's training slots.</summary>
    public TorchTrialEvaluator(EvaluatorHostOptions options)
    {
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        _options = options;
        _slots = new SemaphoreSlim(options.TrainingSlots, options.TrainingSlots);
    }

    /// <inheritdoc />
    public TrialEvaluation Evaluate(SearchSpec spec, Architecture architecture, Fidelity fidelity, int seed, CancellationToken cancellationToken)
    {
        if (spec.Space is not MacroCnnSpace space)
        {
            throw new NotSupportedException($"Search space '{spec.Space.Kind}' cannot be trained yet.");
        }

        var network = space.Decode(architecture);
        var data = DatasetCache.GetOrLoad(new DatasetOptions
        {
            Name = spec.Dataset.Name,
            Path = spec.Dataset.Path,
            ValidationFraction = spec.Dataset.ValidationFraction,
            Seed = (int)spec.Seed,
        });
        if (_options.ValidationLimit is not null || _options.TestLimit is not null)
        {
            data = data.Take(
                data.Train.Count,
                Math.Min(data.Validation.Count, _options.ValidationLimit ?? int.MaxValue),
                Math.Min(data.Test.Count, _options.TestLimit ?? int.MaxValue));
        }

        var training = new TrainingOptions
        {
            BatchSize = spec.Training.BatchSize,
            LearningRate = spec.Training.LearningRate,
            Threads = spec.Training.Threads > 0 ? spec.Training.Threads : _options.EffectiveThreads,
            Device = spec.Training.Device,
        };

        _slots.Wait(cancellationToken);
        try
        {
            var result = ImageClassificationTrainer.Train(
                network, data, fidelity.Epochs, fidelity.DataFraction, seed, training, cancellationToken);
            return new TrialEvaluation(
                result.ValidationAccuracy,
                result.TestAccuracy,
                result.ValidationLoss,
                result.Parameters,
                result.TrainSeconds,
                result.Weights);
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _slots.Dispose();
}
