namespace NasFunctions.SearchSpace.Language;

/// <summary>A parameter that takes one value from a finite list (a choice, or a discretized number range).</summary>
public abstract class ScalarParameter : Parameter
{
    /// <summary>Creates the parameter; throws <see cref="ArgumentException"/> for an empty list, a repeat or an unusable value.</summary>
    private protected ScalarParameter(string name, IReadOnlyList<string> values)
        : base(name)
    {
        ParameterText.CheckValues(values, nameof(values));
        Values = values;
    }

    /// <summary>The values as written in canonical strings and decisions, in order; the first is what unused decisions reset to.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <inheritdoc />
    public override long Size => Values.Count;

    /// <summary>The typed value of one of <see cref="Values"/>: a string, an int or a double.</summary>
    public abstract object ValueOf(string text);
}
