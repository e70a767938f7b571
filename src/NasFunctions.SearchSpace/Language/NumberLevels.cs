using System.Globalization;

namespace NasFunctions.SearchSpace.Language;

/// <summary>Cuts number ranges into the finite lists of values that decisions choose from.</summary>
/// <remarks>
/// Integers: linear ranges take every step from low to high (high - low must be a multiple of step); log ranges take
/// <c>levels</c> values geometrically spaced from low to high, rounded to the nearest integer, repeats dropped. Floats take
/// <c>levels</c> values evenly (or, with log, geometrically) spaced from low to high, both ends included, each rounded to 6
/// significant digits, repeats dropped.
/// </remarks>
internal static class NumberLevels
{
    public const int MaxValues = 1000;

    public const int DefaultLevels = 5;

    public static List<int> IntLinear(int low, int high, int step)
    {
        var values = new List<int>();
        for (long v = low; v <= high; v += step)
        {
            values.Add((int)v);
        }

        return values;
    }

    public static List<int> IntLog(int low, int high, int levels) =>
        [.. Geometric(low, high, levels).Select(v => (int)Math.Round(v, MidpointRounding.AwayFromZero)).Distinct()];

    public static List<double> FloatLinear(double low, double high, int levels) =>
        [.. Enumerable.Range(0, levels).Select(k => Round(k == levels - 1 ? high : low + ((high - low) * k / (levels - 1)))).Distinct()];

    public static List<double> FloatLog(double low, double high, int levels) =>
        [.. Geometric(low, high, levels).Select(Round).Distinct()];

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static long Multiply(long a, long b) => a != 0 && b > long.MaxValue / a ? long.MaxValue : a * b;

    private static double Round(double value) => double.Parse(value.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static IEnumerable<double> Geometric(double low, double high, int levels) =>
        Enumerable.Range(0, levels).Select(k => k == 0 ? low : k == levels - 1 ? high : low * Math.Pow(high / low, (double)k / (levels - 1)));
}
