using System.Text.Json;
using NasFunctions.SearchSpace;

namespace NasFunctions.Strategy;

/// <summary>Settings of <see cref="RandomSearch"/>; in a spec's strategy options the fields are the camelCase names.</summary>
public sealed class RandomSearchOptions
{
    /// <summary>The fidelity every candidate is trained at; default 1 epoch on all the data. Comes from the search, not the options JSON.</summary>
    public Fidelity DefaultFidelity { get; init; } = new(1, 1.0);

    /// <summary>Random draws tried per candidate before falling back to enumeration (<c>maxAttemptsPerCandidate</c>), at least 1; default 1000.</summary>
    public int MaxAttemptsPerCandidate { get; init; } = 1000;

    /// <summary>
    /// Largest number of decision combinations that is enumerated, from a random start, when the random draws find nothing unseen
    /// (<c>enumerationLimit</c>), at least 0 (0: never); default 100000. Above it the space counts as exhausted once the draws fail.
    /// </summary>
    public long EnumerationLimit { get; init; } = 100_000;

    private static readonly string[] Fields = ["maxAttemptsPerCandidate", "enumerationLimit"];

    /// <summary>Every problem with these options, each at the path of its field below <paramref name="path"/>.</summary>
    public IReadOnlyList<SpecError> Validate(string path = "$")
    {
        var errors = new List<SpecError>();
        OptionRules.CheckFidelity(DefaultFidelity, path, errors);
        OptionRules.CheckFallback(MaxAttemptsPerCandidate, EnumerationLimit, path, errors);
        return errors;
    }

    /// <summary>Reads the options object (absent or null: all defaults), appending every problem at its path; null when there was any.</summary>
    public static RandomSearchOptions? FromJson(JsonElement? element, Fidelity defaultFidelity, string path, List<SpecError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var defaults = new RandomSearchOptions { DefaultFidelity = defaultFidelity };
        return OptionFields.Read(element, defaults, path, Fields, errors, fields => new RandomSearchOptions
        {
            DefaultFidelity = defaultFidelity,
            MaxAttemptsPerCandidate = fields.Int("maxAttemptsPerCandidate", defaults.MaxAttemptsPerCandidate),
            EnumerationLimit = fields.Long("enumerationLimit", defaults.EnumerationLimit),
        }, (options, at) => options.Validate(at));
    }
}
