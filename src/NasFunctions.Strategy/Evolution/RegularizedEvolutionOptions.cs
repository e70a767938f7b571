using System.Text.Json;
using NasFunctions.SearchSpace;

namespace NasFunctions.Strategy.Evolution;

/// <summary>Settings of <see cref="RegularizedEvolution"/>; in a spec's strategy options the fields are the camelCase names.</summary>
public sealed class RegularizedEvolutionOptions
{
    /// <summary>The fidelity every candidate is trained at; default 1 epoch on all the data. Comes from the search, not the options JSON.</summary>
    public Fidelity DefaultFidelity { get; init; } = new(1, 1.0);

    /// <summary>
    /// Members kept alive (<c>populationSize</c>), at least 2; default 20. The first this many candidates are drawn at random;
    /// afterwards each measured child joins and the oldest member leaves.
    /// </summary>
    public int PopulationSize { get; init; } = 20;

    /// <summary>
    /// Members drawn (without replacement) for each tournament; the fittest is the parent (<c>sampleSize</c>), 1 to populationSize;
    /// default null: half the population, rounded up (10 of the default 20), a strong selection pressure that suits budgets of
    /// a few hundred queries.
    /// </summary>
    public int? SampleSize { get; init; }

    /// <summary>The tournament size used: <see cref="SampleSize"/>, or half the population rounded up when it is null.</summary>
    public int EffectiveSampleSize => SampleSize ?? ((PopulationSize + 1) / 2);

    /// <summary>
    /// Extra random single-decision steps tried from the parent when every neighbour was already seen, before a random unseen
    /// architecture is proposed instead (<c>mutationWalk</c>), at least 0; default 10.
    /// </summary>
    public int MutationWalk { get; init; } = 10;

    /// <summary>Random draws tried when an unseen random architecture is needed, before enumerating (<c>maxAttemptsPerCandidate</c>), at least 1; default 1000.</summary>
    public int MaxAttemptsPerCandidate { get; init; } = 1000;

    /// <summary>Largest number of decision combinations enumerated when the random draws find nothing unseen (<c>enumerationLimit</c>), at least 0; default 100000.</summary>
    public long EnumerationLimit { get; init; } = 100_000;

    private static readonly string[] Fields = ["populationSize", "sampleSize", "mutationWalk", "maxAttemptsPerCandidate", "enumerationLimit"];

    /// <summary>Every problem with these options, each at the path of its field below <paramref name="path"/>.</summary>
    public IReadOnlyList<SpecError> Validate(string path = "$")
    {
        var errors = new List<SpecError>();
        OptionRules.CheckFidelity(DefaultFidelity, path, errors);
        OptionRules.AtLeast(PopulationSize, 2, "populationSize", path, errors);
        if (SampleSize is { } sample && (sample < 1 || sample > Math.Max(PopulationSize, 1)))
        {
            errors.Add(new SpecError(SpecJson.Property(path, "sampleSize"), $"must be from 1 to populationSize ({PopulationSize}), not {SampleSize}"));
        }

        OptionRules.AtLeast(MutationWalk, 0, "mutationWalk", path, errors);
        OptionRules.CheckFallback(MaxAttemptsPerCandidate, EnumerationLimit, path, errors);
        return errors;
    }

    /// <summary>Reads the options object (absent or null: all defaults), appending every problem at its path; null when there was any.</summary>
    public static RegularizedEvolutionOptions? FromJson(JsonElement? element, Fidelity defaultFidelity, string path, List<SpecError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var defaults = new RegularizedEvolutionOptions { DefaultFidelity = defaultFidelity };
        return OptionFields.Read(element, defaults, path, Fields, errors, fields => new RegularizedEvolutionOptions
        {
            DefaultFidelity = defaultFidelity,
            PopulationSize = fields.Int("populationSize", defaults.PopulationSize),
            SampleSize = fields.OptionalInt("sampleSize"),
            MutationWalk = fields.Int("mutationWalk", defaults.MutationWalk),
            MaxAttemptsPerCandidate = fields.Int("maxAttemptsPerCandidate", defaults.MaxAttemptsPerCandidate),
            EnumerationLimit = fields.Long("enumerationLimit", defaults.EnumerationLimit),
        }, (options, at) => options.Validate(at));
    }
}
