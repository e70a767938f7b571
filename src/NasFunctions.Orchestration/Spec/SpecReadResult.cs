using NasFunctions.SearchSpace;

namespace NasFunctions.Orchestration.Spec;

/// <summary>The outcome of reading a spec: the spec when it is valid, else every error found.</summary>
public sealed record SpecReadResult(SearchSpec? Spec, IReadOnlyList<SpecError> Errors)
{
    /// <summary>True when the spec is valid.</summary>
    public bool IsValid => Spec is not null && Errors.Count == 0;

    /// <summary>A result with the given errors and no spec.</summary>
    public static SpecReadResult Invalid(params SpecError[] errors) => new(null, errors);
}
