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

        if (MaxAttemptsPerCandidate < 1)
        {
            errors.Add(new SpecError(SpecJson.Property(path, "maxAttemptsPerCandidate"), $"must be at least 1, not {MaxAttemptsPerCandidate}"));
        }

        if (EnumerationLimit < 0)
        {
            errors.Add(new SpecError(SpecJson.Property(path, "enumerationLimit"), $"must be at least 0, not {EnumerationLimit}"));
        }

        return errors;
    }

    /// <summary>Reads the options object (absent or null: all defaults), appending every problem at its path; null when there was any.</summary>
    public static RandomSearchOptions? FromJson(JsonElement? element, Fidelity defaultFidelity, string path, List<SpecError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        var defaults = new RandomSearchOptions { DefaultFidelity = defaultFidelity };
        if (element is not { ValueKind: not JsonValueKind.Null } json)
        {
            return defaults;
        }

        var fields = SpecJson.ReadObject(json, path, ["maxAttemptsPerCandidate", "enumerationLimit"], errors);
        if (fields is null)
        {
            return null;
        }

        var options = new RandomSearchOptions
        {
            DefaultFidelity = defaultFidelity,
            MaxAttemptsPerCandidate = fields.TryGetValue("maxAttemptsPerCandidate", out var attempts)
                ? SpecJson.ReadInt(attempts, SpecJson.Property(path, "maxAttemptsPerCandidate"), errors) ?? defaults.MaxAttemptsPerCandidate
                : defaults.MaxAttemptsPerCandidate,
            EnumerationLimit = fields.TryGetValue("enumerationLimit", out var limit)
                ? SpecJson.ReadLong(limit, SpecJson.Property(path, "enumerationLimit"), errors) ?? defaults.EnumerationLimit
                : defaults.EnumerationLimit,
        };
        errors.AddRange(options.Validate(path));
        return errors.Count > before ? null : options;
    }
}
