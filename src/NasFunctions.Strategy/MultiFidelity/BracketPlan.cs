namespace NasFunctions.Strategy.MultiFidelity;

/// <summary>How a bracket starts: how many fresh architectures, and the epochs of each of its rungs, lowest first.</summary>
/// <param name="Size">Fresh architectures the bracket's first rung trains.</param>
/// <param name="RungEpochs">The total epochs a trial has trained once measured on each rung, strictly increasing.</param>
internal sealed record BracketPlan(int Size, IReadOnlyList<int> RungEpochs)
{
    /// <inheritdoc />
    public override string ToString() => $"{Size}@[{string.Join(", ", RungEpochs)}]";
}
