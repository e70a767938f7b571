namespace NasFunctions.SearchSpace;

/// <summary>A search space that knows how large its networks are and how to grow one by a single step.</summary>
/// <remarks>
/// Complexity is a small whole number (active edges of a cell, blocks and widths of a chain); <see cref="Grow"/> returns
/// architectures exactly one step larger, and every architecture can be reached from <see cref="Smallest"/> by growing.
/// </remarks>
public interface IGrowableSpace : ISearchSpace
{
    /// <summary>The size of <paramref name="architecture"/>: 0 or more, larger for bigger networks.</summary>
    int Complexity(Architecture architecture);

    /// <summary>Every architecture of the lowest complexity the space allows, without repeats.</summary>
    IEnumerable<Architecture> Smallest();

    /// <summary>Every architecture one complexity step above <paramref name="architecture"/> made by growing it once, without repeats.</summary>
    IEnumerable<Architecture> Grow(Architecture architecture);
}
