namespace NasFunctions.Evaluator.Measures;

/// <summary>A module of ours that counts its own forward-pass operations for one sample of a given shape.</summary>
public interface IFlopCounted
{
    /// <summary>The operations of one forward pass over one sample of <paramref name="inputShape"/> (no batch dimension), and its output shape.</summary>
    FlopCount CountFlops(long[] inputShape);
}
