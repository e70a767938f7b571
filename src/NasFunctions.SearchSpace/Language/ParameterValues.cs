namespace NasFunctions.SearchSpace.Language;

/// <summary>The typed values of a picked architecture of a custom space (or of one repeat item), by parameter name.</summary>
/// <remarks>
/// A choice gives a <see cref="string"/>, an int range an <see cref="int"/>, a float range a <see cref="double"/>, a repeat an
/// <see cref="IReadOnlyList{T}"/> of <see cref="ParameterValues"/> (one per used item) and a cell a <see cref="PickedCell"/>.
/// </remarks>
public sealed class ParameterValues
{
    /// <summary>Wraps values by parameter name, in the space's parameter order.</summary>
    public ParameterValues(IReadOnlyList<KeyValuePair<string, object>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Names = [.. values.Select(v => v.Key)];
        Values = values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
    }

    /// <summary>The parameter names, in order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Every value by parameter name.</summary>
    public IReadOnlyDictionary<string, object> Values { get; }

    /// <summary>The value of parameter <paramref name="name"/>.</summary>
    public object this[string name] => Values.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"no parameter '{name}'");

    /// <summary>The value of a choice parameter.</summary>
    public string String(string name) => As<string>(name);

    /// <summary>The value of an int parameter.</summary>
    public int Int(string name) => As<int>(name);

    /// <summary>The value of a float (or int) parameter.</summary>
    public double Double(string name) => this[name] is int whole ? whole : As<double>(name);

    /// <summary>The used items of a repeat parameter, in order.</summary>
    public IReadOnlyList<ParameterValues> Repeat(string name) => As<IReadOnlyList<ParameterValues>>(name);

    /// <summary>The edge operations of a cell parameter.</summary>
    public PickedCell Cell(string name) => As<PickedCell>(name);

    private T As<T>(string name) =>
        this[name] is T value ? value : throw new InvalidCastException($"parameter '{name}' is a {this[name].GetType().Name}, not a {typeof(T).Name}");
}
