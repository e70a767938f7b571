using System.Text.Json;
using NasFunctions.SearchSpace;

namespace NasFunctions.Strategy.Reinforce;

/// <summary>Settings of <see cref="ReinforceController"/>; in a spec's strategy options the fields are the camelCase names.</summary>
public sealed class ReinforceControllerOptions
{
    /// <summary>The fidelity every candidate is trained at; default 1 epoch on all the data. Comes from the search, not the options JSON.</summary>
    public Fidelity DefaultFidelity { get; init; } = new(1, 1.0);

    /// <summary>Width of the LSTM's hidden and cell state (<c>hiddenSize</c>), 1 to 1024; default 32.</summary>
    public int HiddenSize { get; init; } = 32;

    /// <summary>Width of the embedding of the previous choice fed to each step (<c>embeddingSize</c>), 1 to 1024; default 32.</summary>
    public int EmbeddingSize { get; init; } = 32;

    /// <summary>Adam's step size (<c>learningRate</c>), in (0, 1]; default 0.05 (large, for budgets of about a hundred queries).</summary>
    public double LearningRate { get; init; } = 0.05;

    /// <summary>Weight of the entropy bonus added to the objective (<c>entropyWeight</c>), at least 0; default 0.01.</summary>
    public double EntropyWeight { get; init; } = 0.01;

    /// <summary>Decay of the reward's moving-average baseline (<c>baselineDecay</c>), in [0, 1); default 0.9.</summary>
    public double BaselineDecay { get; init; } = 0.9;

    /// <summary>Weights start uniform in [-initRange, initRange] (<c>initRange</c>), in (0, 1]; default 0.1.</summary>
    public double InitRange { get; init; } = 0.1;

    /// <summary>Samples drawn from the controller at once for one candidate, the first unseen one proposed; when all were seen, a mutation of the last (<c>maxResamples</c>), at least 1; default 10.</summary>
    public int MaxResamples { get; init; } = 10;

    /// <summary>Random draws tried when an unseen random architecture is needed, before enumerating (<c>maxAttemptsPerCandidate</c>), at least 1; default 1000.</summary>
    public int MaxAttemptsPerCandidate { get; init; } = 1000;

    /// <summary>Largest number of decision combinations enumerated when random draws find nothing unseen (<c>enumerationLimit</c>), at least 0; default 100000.</summary>
    public long EnumerationLimit { get; init; } = 100_000;

    private static readonly string[] Fields =
    [
        "hiddenSize", "embeddingSize", "learningRate", "entropyWeight", "baselineDecay", "initRange", "maxResamples",
        "maxAttemptsPerCandidate", "enumerationLimit",
    ];

    /// <summary>Every problem with these options, each at the path of its field below <paramref name="path"/>.</summary>
    public IReadOnlyList<SpecError> Validate(string path = "$")
    {
        var errors = new List<SpecError>();
        void Check(bool ok, string field, string rule, object value)
        {
            if (!ok)
            {
                errors.Add(new SpecError(SpecJson.Property(path, field), $"must be {rule}, not {value}"));
            }
        }

        OptionRules.CheckFidelity(DefaultFidelity, path, errors);
        Check(HiddenSize is >= 1 and <= 1024, "hiddenSize", "from 1 to 1024", HiddenSize);
        Check(EmbeddingSize is >= 1 and <= 1024, "embeddingSize", "from 1 to 1024", EmbeddingSize);
        Check(LearningRate > 0 && LearningRate <= 1, "learningRate", "in (0, 1]", LearningRate);
        Check(EntropyWeight >= 0 && double.IsFinite(EntropyWeight), "entropyWeight", "at least 0", EntropyWeight);
        Check(BaselineDecay >= 0 && BaselineDecay < 1, "baselineDecay", "in [0, 1)", BaselineDecay);
        Check(InitRange > 0 && InitRange <= 1, "initRange", "in (0, 1]", InitRange);
        OptionRules.AtLeast(MaxResamples, 1, "maxResamples", path, errors);
        OptionRules.CheckFallback(MaxAttemptsPerCandidate, EnumerationLimit, path, errors);
        return errors;
    }

    /// <summary>Reads the options object (absent or null: all defaults), appending every problem at its path; null when there was any.</summary>
    public static ReinforceControllerOptions? FromJson(JsonElement? element, Fidelity defaultFidelity, string path, List<SpecError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var d = new ReinforceControllerOptions { DefaultFidelity = defaultFidelity };
        return OptionFields.Read(element, d, path, Fields, errors, fields => new ReinforceControllerOptions
        {
            DefaultFidelity = defaultFidelity,
            HiddenSize = fields.Int("hiddenSize", d.HiddenSize),
            EmbeddingSize = fields.Int("embeddingSize", d.EmbeddingSize),
            LearningRate = fields.Double("learningRate", d.LearningRate),
            EntropyWeight = fields.Double("entropyWeight", d.EntropyWeight),
            BaselineDecay = fields.Double("baselineDecay", d.BaselineDecay),
            InitRange = fields.Double("initRange", d.InitRange),
            MaxResamples = fields.Int("maxResamples", d.MaxResamples),
            MaxAttemptsPerCandidate = fields.Int("maxAttemptsPerCandidate", d.MaxAttemptsPerCandidate),
            EnumerationLimit = fields.Long("enumerationLimit", d.EnumerationLimit),
        }, (options, at) => options.Validate(at));
    }
}
