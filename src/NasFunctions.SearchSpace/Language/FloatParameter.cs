using System.Globalization;

namespace NasFunctions.SearchSpace.Language;

/// <summary>A real-valued parameter over a discretized range (<c>{ "float": [1e-4, 1e-1], "log": true, "levels": 7 }</c>); its typed value is a double.</summary>
/// <remarks>Values are written in their shortest round-trip invariant form (<c>0.001</c>, <c>1E-05</c>).</remarks>
public sealed class FloatParameter(string name, IReadOnlyList<double> numbers)
    : ScalarParameter(name, [.. numbers.Select(NumberLevels.Format)])
{
    /// <summary>The allowed numbers, in order.</summary>
    public IReadOnlyList<double> Numbers { get; } = [.. numbers];

    /// <inheritdoc />
    public override object ValueOf(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
