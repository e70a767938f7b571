using System.Globalization;

namespace NasFunctions.SearchSpace.Language;

/// <summary>An integer parameter over a discretized range (<c>{ "int": [16, 128], "step": 16 }</c>); its typed value is an int.</summary>
public sealed class IntParameter(string name, IReadOnlyList<int> numbers)
    : ScalarParameter(name, [.. numbers.Select(n => n.ToString(CultureInfo.InvariantCulture))])
{
    /// <summary>The allowed numbers, in order.</summary>
    public IReadOnlyList<int> Numbers { get; } = [.. numbers];

    /// <inheritdoc />
    public override object ValueOf(string text) => int.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
}
