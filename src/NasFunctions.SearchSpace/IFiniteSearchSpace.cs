namespace NasFunctions.SearchSpace;

/// <summary>A search space that can count its distinct architectures, so a strategy knows when it has seen them all.</summary>
public interface IFiniteSearchSpace : ISearchSpace
{
    /// <summary>The number of distinct canonical architectures; <see cref="long.MaxValue"/> when it does not fit.</summary>
    long Size { get; }
}
