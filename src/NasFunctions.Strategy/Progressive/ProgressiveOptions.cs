using System.Text.Json;
using NasFunctions.SearchSpace;

namespace NasFunctions.Strategy.Progressive;

/// <summary>Settings of <see cref="ProgressiveSearch"/>; in a spec's strategy options the fields are the camelCase names.</summary>
public sealed class ProgressiveOptions
{
    private static readonly string[] Fields =
        ["beam", "widenAfter", "growthPerRound", "exploration", "interactions", "enumerationLimit", "samplesPerRound"];

    /// <summary>The fidelity every candidate is trained at. Comes from the search, not the options JSON.</summary>
    public Fidelity DefaultFidelity { get; init; } = new(1, 1.0);

    /// <summary>How many of the best measured architectures are grown into the next round's frontier (<c>beam</c>), at least 1; default 4.</summary>
    public int Beam { get; init; } = 4;

    /// <summary>
    /// Measured trials after which the candidate pool widens from the beam's expansions to every unmeasured architecture within
    /// the complexity bound (<c>widenAfter</c>), at least 0; default 8.
    /// </summary>
    public int WidenAfter { get; init; } = 8;

    /// <summary>Complexity steps the bound grows after each learned round (<c>growthPerRound</c>), at least 1; default 1.</summary>
    public int GrowthPerRound { get; init; } = 1;

    /// <summary>
    /// Scale of the predictor's uncertainty in the ranking (<c>exploration</c>): each pick maximizes a posterior draw whose
    /// deviation from the mean is scaled by it (1: Thompson sampling, 0: the mean alone), from 0 to 10; default 1.
    /// </summary>
    public double Exploration { get; init; } = 1.0;

    /// <summary>Largest set of decisions whose joint effect the predictor models (<c>interactions</c>), 1 to 3; default 2 (pairs).</summary>
    public int Interactions { get; init; } = 2;

    /// <summary>
    /// Largest number of decision combinations that is listed once and scored in full each round (<c>enumerationLimit</c>), at
    /// least 0; default 100000. Larger spaces are scored on the beam's expansions and random samples.
    /// </summary>
    public long EnumerationLimit { get; init; } = 100_000;

    /// <summary>Random architectures added to the pool each proposal in spaces too large to list (<c>samplesPerRound</c>), at least 0; default 2000.</summary>
    public int SamplesPerRound { get; init; } = 2000;

    /// <summary>Every problem with these options, each at the path of its field below <paramref name="path"/>.</summary>
    public IReadOnlyList<SpecError> Validate(string path = "$")
    {
        var errors = new List<SpecError>();
        OptionRules.CheckFidelity(DefaultFidelity, path, errors);
        OptionRules.AtLeast(Beam, 1, "beam", path, errors);
        OptionRules.AtLeast(WidenAfter, 0, "widenAfter", path, errors);
        OptionRules.AtLeast(GrowthPerRound, 1, "growthPerRound", path, errors);
        OptionRules.AtLeast(EnumerationLimit, 0, "enumerationLimit", path, errors);
        OptionRules.AtLeast(SamplesPerRound, 0, "samplesPerRound", path, errors);
        if (!(Exploration >= 0 && Exploration <= 10))
        {
            errors.Add(new SpecError(SpecJson.Property(path, "exploration"), $"must be from 0 to 10, not {Exploration}"));
        }

        if (Interactions is < 1 or > 3)
        {
            errors.Add(new SpecError(SpecJson.Property(path, "interactions"), $"must be 1, 2 or 3, not {Interactions}"));
        }

        return errors;
    }

    /// <summary>Reads the options object (absent or null: all defaults), appending every problem at its path; null when there was any.</summary>
    public static ProgressiveOptions? FromJson(JsonElement? element, Fidelity defaultFidelity, string path, List<SpecError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var defaults = new ProgressiveOptions { DefaultFidelity = defaultFidelity };
        return OptionFields.Read(element, defaults, path, Fields, errors, fields => new ProgressiveOptions
        {
            DefaultFidelity = defaultFidelity,
            Beam = fields.Int("beam", defaults.Beam),
            WidenAfter = fields.Int("widenAfter", defaults.WidenAfter),
            GrowthPerRound = fields.Int("growthPerRound", defaults.GrowthPerRound),
            Exploration = fields.Double("exploration", defaults.Exploration),
            Interactions = fields.Int("interactions", defaults.Interactions),
            EnumerationLimit = fields.Long("enumerationLimit", defaults.EnumerationLimit),
            SamplesPerRound = fields.Int("samplesPerRound", defaults.SamplesPerRound),
        }, (options, at) => options.Validate(at));
    }
}
