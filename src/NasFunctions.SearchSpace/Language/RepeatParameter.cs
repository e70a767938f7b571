using System.Globalization;

namespace NasFunctions.SearchSpace.Language;

/// <summary>A variable-length list of items, each picking the same scalar parameters (<c>{ "repeat": { "min": 1, "max": 4 }, "each": { ... } }</c>).</summary>
/// <remarks>
/// Decisions: <c>{name}.count</c> (Min to Max), then for every index i below Max and every item parameter p, <c>{name}.{i}.{p}</c>.
/// Items at or past the count are unused: they are reset to each parameter's first value and do not appear in canonical strings.
/// </remarks>
public sealed class RepeatParameter : Parameter
{
    /// <summary>The most items a repeat may have.</summary>
    public const int MaxItems = 16;

    /// <summary>Creates the parameter; throws <see cref="ArgumentException"/> when the bounds or item parameters are invalid.</summary>
    public RepeatParameter(string name, int min, int max, IReadOnlyList<ScalarParameter> each)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(each);
        if (min < 0 || max < 1 || min > max || max > MaxItems)
        {
            throw new ArgumentException($"a repeat takes 0 <= min <= max, 1 <= max <= {MaxItems}, not {min} to {max}", nameof(max));
        }

        if (each.Count == 0 || each.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count() != each.Count)
        {
            throw new ArgumentException("a repeat's items take at least one parameter, each named once", nameof(each));
        }

        Min = min;
        Max = max;
        Each = [.. each];
    }

    /// <summary>Fewest items.</summary>
    public int Min { get; }

    /// <summary>Most items.</summary>
    public int Max { get; }

    /// <summary>The parameters every item picks, in order.</summary>
    public IReadOnlyList<ScalarParameter> Each { get; }

    /// <summary>The label of the item-count decision: <c>{name}.count</c>.</summary>
    public string CountLabel => $"{Name}.count";

    /// <inheritdoc />
    public override long Size
    {
        get
        {
            var variety = Each.Aggregate(1L, (product, p) => NumberLevels.Multiply(product, p.Size));
            long total = 0;
            long power = 1;
            for (var n = 0; n <= Max; n++)
            {
                if (n >= Min)
                {
                    total = total > long.MaxValue - power ? long.MaxValue : total + power;
                }

                power = NumberLevels.Multiply(power, variety);
            }

            return total;
        }
    }

    /// <summary>The label of item <paramref name="index"/>'s parameter <paramref name="parameter"/>: <c>{name}.{index}.{parameter}</c>.</summary>
    public string ItemLabel(int index, string parameter) => Label(Name, index, parameter);

    /// <summary>The label of item <paramref name="index"/>'s parameter <paramref name="parameter"/> of repeat <paramref name="name"/>.</summary>
    internal static string Label(string name, int index, string parameter) =>
        string.Create(CultureInfo.InvariantCulture, $"{name}.{index}.{parameter}");
}
