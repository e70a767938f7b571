using System.Globalization;

namespace NasFunctions.Evaluator.Data;

/// <summary>Maps label texts to class indices: integers in numeric order when every label is one, else texts in ordinal order.</summary>
public sealed class ClassLabels
{
    private readonly Dictionary<string, int> _indices;

    private ClassLabels(IReadOnlyList<string> names)
    {
        Names = names;
        _indices = names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
    }

    /// <summary>The class names, by index.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The classes found among these labels (trimmed; integer labels written canonically, so "01" is "1").</summary>
    public static ClassLabels FromLabels(IEnumerable<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var distinct = labels.Select(l => l.Trim()).Distinct(StringComparer.Ordinal).ToArray();
        var integers = distinct.Select(l => long.TryParse(l, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : (long?)null).ToArray();
        var names = integers.All(v => v is not null)
            ? integers.Select(v => v!.Value).Distinct().Order().Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray()
            : distinct.Order(StringComparer.Ordinal).ToArray();
        return new ClassLabels(names);
    }

    /// <summary>The index of a label's class.</summary>
    /// <exception cref="KeyNotFoundException">The label is not one of these classes.</exception>
    public int IndexOf(string label)
    {
        var key = label.Trim();
        if (_indices.TryGetValue(key, out var index))
        {
            return index;
        }

        return long.TryParse(key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
            && _indices.TryGetValue(v.ToString(CultureInfo.InvariantCulture), out index)
            ? index
            : throw new KeyNotFoundException($"'{label}' is not one of the classes {string.Join(", ", Names)}.");
    }

    /// <summary>Throws unless every class has at least one row among the train split's labels.</summary>
    /// <exception cref="InvalidDataException">Some class has no training rows; the message names it, the file and the seed.</exception>
    internal void CheckEveryClassTrains(string file, IEnumerable<int> trainLabels, int seed)
    {
        var counts = new int[Names.Count];
        foreach (var label in trainLabels)
        {
            counts[label]++;
        }

        var empty = Enumerable.Range(0, counts.Length).Where(c => counts[c] == 0).Select(c => $"'{Names[c]}'").ToArray();
        if (empty.Length > 0)
        {
            throw new InvalidDataException(
                $"'{file}': class {string.Join(", ", empty)} has no rows in the train split (seed {seed}); every class needs " +
                "training rows. Add rows of it, or remove it.");
        }
    }
}
