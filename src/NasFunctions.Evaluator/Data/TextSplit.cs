namespace NasFunctions.Evaluator.Data;

/// <summary>Texts encoded as fixed-length token id sequences, one class each: ids row-major, one sequence after another.</summary>
public sealed class TextSplit
{
    /// <summary>Creates a split from token ids (count x length) and one label per sequence.</summary>
    public TextSplit(int length, int[] tokens, int[] labels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(labels);
        if (tokens.LongLength != (long)labels.Length * length)
        {
            throw new ArgumentException($"{tokens.Length} ids do not make {labels.Length} sequences of {length}.", nameof(tokens));
        }

        Length = length;
        Tokens = tokens;
        Labels = labels;
    }

    /// <summary>Number of sequences.</summary>
    public int Count => Labels.Length;

    /// <summary>Tokens per sequence (truncated or padded to it).</summary>
    public int Length { get; }

    /// <summary>All token ids, sequence after sequence.</summary>
    public int[] Tokens { get; }

    /// <summary>The class index of each sequence.</summary>
    public int[] Labels { get; }

    /// <summary>The token ids of one sequence.</summary>
    public ReadOnlySpan<int> Sequence(int index) => Tokens.AsSpan(index * Length, Length);

    /// <summary>A copy holding the first <paramref name="count"/> sequences (all of them when there are fewer).</summary>
    public TextSplit Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var n = Math.Min(count, Count);
        return new TextSplit(Length, Tokens.AsSpan(0, n * Length).ToArray(), Labels.AsSpan(0, n).ToArray());
    }
}
