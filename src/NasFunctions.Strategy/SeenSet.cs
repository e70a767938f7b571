using System.Text.Json.Nodes;

namespace NasFunctions.Strategy;

/// <summary>The canonical strings a strategy has proposed or learned about, in first-seen order, so it never spends a query twice.</summary>
internal sealed class SeenSet : IReadOnlySet<string>
{
    private readonly List<string> _inOrder = [];
    private readonly HashSet<string> _set = new(StringComparer.Ordinal);

    public int Count => _set.Count;

    /// <summary>Adds <paramref name="canonical"/>; false when it was already there.</summary>
    public bool Add(string canonical)
    {
        if (!_set.Add(canonical))
        {
            return false;
        }

        _inOrder.Add(canonical);
        return true;
    }

    public bool Contains(string item) => _set.Contains(item);

    public JsonArray ToJson() => new([.. _inOrder.Select(s => (JsonNode?)JsonValue.Create(s))]);

    /// <summary>Replaces the contents with a list written by <see cref="ToJson"/>.</summary>
    public void Load(JsonNode? node)
    {
        var items = (node as JsonArray ?? throw new FormatException("state has no 'seen' list"))
            .Select(n => n?.GetValue<string>() ?? throw new FormatException("state's 'seen' list holds a null"))
            .ToList();
        _set.Clear();
        _inOrder.Clear();
        items.ForEach(s => Add(s));
    }

    public IEnumerator<string> GetEnumerator() => _inOrder.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public bool IsProperSubsetOf(IEnumerable<string> other) => _set.IsProperSubsetOf(other);

    public bool IsProperSupersetOf(IEnumerable<string> other) => _set.IsProperSupersetOf(other);

    public bool IsSubsetOf(IEnumerable<string> other) => _set.IsSubsetOf(other);

    public bool IsSupersetOf(IEnumerable<string> other) => _set.IsSupersetOf(other);

    public bool Overlaps(IEnumerable<string> other) => _set.Overlaps(other);

    public bool SetEquals(IEnumerable<string> other) => _set.SetEquals(other);
}
