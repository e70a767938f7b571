namespace NasFunctions.SearchSpace;

/// <summary>Which networks may be built, as a list of decisions, and how one picked network is written down.</summary>
public interface ISearchSpace
{
    /// <summary>The space's kind, as written in a spec (for example <c>macro-cnn</c>).</summary>
    string Kind { get; }

    /// <summary>Every decision the space asks for, in a fixed order (strategies walk them in this order).</summary>
    IReadOnlyList<Decision> Decisions { get; }

    /// <summary>Builds the architecture for a full set of choices; unused decisions are reset to their first choice.</summary>
    /// <exception cref="ArgumentException">A decision is missing or has a value outside its choices.</exception>
    Architecture Create(IReadOnlyDictionary<string, string> choices);

    /// <summary>Parses a canonical string back into an architecture of this space.</summary>
    /// <exception cref="FormatException">The string is not a network of this space; the message lists every problem.</exception>
    Architecture Parse(string canonical);
}
