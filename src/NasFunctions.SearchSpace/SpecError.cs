namespace NasFunctions.SearchSpace;

/// <summary>One problem found in a spec: where it is (a JSON path such as <c>$.space.channels[1]</c>) and what is wrong.</summary>
public sealed record SpecError(string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message}";
}
