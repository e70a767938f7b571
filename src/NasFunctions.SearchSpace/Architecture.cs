namespace NasFunctions.SearchSpace;

/// <summary>One picked network: a value for every decision of its space, and its canonical one-line string.</summary>
/// <remarks>
/// Two architectures are equal when their canonical strings are equal; decisions that the picked network does not use
/// (for example the operation of a fifth block in a three-block network) do not appear in the canonical string.
/// </remarks>
public sealed class Architecture : IEquatable<Architecture>
{
    /// <summary>Creates an architecture from its canonical string and its choices.</summary>
    public Architecture(string canonical, IReadOnlyDictionary<string, string> choices)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(canonical);
        ArgumentNullException.ThrowIfNull(choices);
        Canonical = canonical;
        Choices = choices;
    }

    /// <summary>The canonical one-line string; it parses back to this architecture.</summary>
    public string Canonical { get; }

    /// <summary>The value picked for every decision of the space, keyed by decision label.</summary>
    public IReadOnlyDictionary<string, string> Choices { get; }

    /// <inheritdoc />
    public bool Equals(Architecture? other) => other is not null && other.Canonical == Canonical;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Architecture);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Canonical);

    /// <inheritdoc />
    public override string ToString() => Canonical;
}
