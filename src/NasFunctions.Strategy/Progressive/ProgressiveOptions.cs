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
        if (DefaultFidelity is null)
        {
            errors.Add(new SpecError(SpecJson.Property(path, "defaultFidelity"), "is required"));
        }
        else
        {
            errors.AddRange(FidelityRules.Problems(DefaultFidelity).Select(p => new SpecError(SpecJson.Property(path, "defaultFidelity"), p)));
        }

        AtLeast(Beam, 1, "beam");
        AtLeast(WidenAfter, 0, "widenAfter");
        AtLeast(GrowthPerRound, 1, "growthPerRound");
        AtLeast(EnumerationLimit, 0, "enumerationLimit");
        AtLeast(SamplesPerRound, 0, "samplesPerRound");
        if (!(Exploration >= 0 && Exploration <= 10))
        {
            errors.Add(new SpecError(SpecJson.Property(path, "exploration"), $"must be from 0 to 10, not {Exploration}"));
        }

        if (Interactions is < 1 or > 3)
        {
            errors.Add(new SpecError(SpecJson.Property(path, "interactions"), $"must be 1, 2 or 3, not {Interactions}"));
        }

        return errors;

        void AtLeast(long value, long minimum, string name)
        {
            if (value < minimum)
            {
                errors.Add(new SpecError(SpecJson.Property(path, name), $"must be at least {minimum}, not {value}"));
            }
        }
    }

    /// <summary>Reads the options object (absent or null: all defaults), appending every problem at its path; null when there was any.</summary>
    public static ProgressiveOptions? FromJson(JsonElement? element, Fidelity defaultFidelity, string path, List<SpecError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        var defaults = new ProgressiveOptions { DefaultFidelity = defaultFidelity };
        if (element is not { ValueKind: not JsonValueKind.Null } json)
        {
            return defaults;
        }

        var fields = SpecJson.ReadObject(json, path, Fields, errors);
        if (fields is null)
        {
            return null;
        }

        var options = new ProgressiveOptions
        {
            DefaultFidelity = defaultFidelity,
            Beam = Int("beam", defaults.Beam),
            WidenAfter = Int("widenAfter", defaults.WidenAfter),
            GrowthPerRound = Int("growthPerRound", defaults.GrowthPerRound),
            Exploration = fields.TryGetValue("exploration", out var exploration)
                ? SpecJson.ReadDouble(exploration, SpecJson.Property(path, "exploration"), errors) ?? defaults.Exploration
                : defaults.Exploration,
            Interactions = Int("interactions", defaults.Interactions),
            EnumerationLimit = fields.TryGetValue("enumerationLimit", out var limit)
                ? SpecJson.ReadLong(limit, SpecJson.Property(path, "enumerationLimit"), errors) ?? defaults.EnumerationLimit
                : defaults.EnumerationLimit,
            SamplesPerRound = Int("samplesPerRound", defaults.SamplesPerRound),
        };
        errors.AddRange(options.Validate(path));
        return errors.Count > before ? null : options;

        int Int(string name, int fallback) => fields.TryGetValue(name, out var value)
            ? SpecJson.ReadInt(value, SpecJson.Property(path, name), errors) ?? fallback
            : fallback;
    }
}
