using NasFunctions.SearchSpace;

namespace NasFunctions.Strategy;

/// <summary>The checks every strategy's options share: the default fidelity, lower bounds, and the fields of the random fallback.</summary>
internal static class OptionRules
{
    /// <summary>Throws an <see cref="ArgumentException"/> on the constructor's <c>options</c> listing <paramref name="errors"/>, if any.</summary>
    public static void ThrowIfInvalid(IReadOnlyList<SpecError> errors, string strategy)
    {
        if (errors.Count > 0)
        {
            throw new ArgumentException($"invalid {strategy} options: {string.Join("; ", errors)}", "options");
        }
    }

    /// <summary>Adds a problem at <c>defaultFidelity</c> when <paramref name="fidelity"/> is missing or breaks a rule.</summary>
    public static void CheckFidelity(Fidelity? fidelity, string path, List<SpecError> errors)
    {
        var at = SpecJson.Property(path, "defaultFidelity");
        if (fidelity is null)
        {
            errors.Add(new SpecError(at, "is required"));
        }
        else
        {
            errors.AddRange(FidelityRules.Problems(fidelity).Select(p => new SpecError(at, p)));
        }
    }

    /// <summary>Adds a problem at field <paramref name="name"/> when <paramref name="value"/> is below <paramref name="minimum"/>.</summary>
    public static void AtLeast(long value, long minimum, string name, string path, List<SpecError> errors)
    {
        if (value < minimum)
        {
            errors.Add(new SpecError(SpecJson.Property(path, name), $"must be at least {minimum}, not {value}"));
        }
    }

    /// <summary>Checks <c>maxAttemptsPerCandidate</c> (at least 1) and <c>enumerationLimit</c> (at least 0), the random fallback's fields.</summary>
    public static void CheckFallback(int maxAttemptsPerCandidate, long enumerationLimit, string path, List<SpecError> errors)
    {
        AtLeast(maxAttemptsPerCandidate, 1, "maxAttemptsPerCandidate", path, errors);
        AtLeast(enumerationLimit, 0, "enumerationLimit", path, errors);
    }
}
