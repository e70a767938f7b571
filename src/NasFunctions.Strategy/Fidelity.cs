namespace NasFunctions.Strategy;

/// <summary>How much training a trial gets: epochs over a fraction of the training split.</summary>
/// <param name="Epochs">Full passes over the (sub-sampled) training split; at least 1.</param>
/// <param name="DataFraction">Share of the training split used, in (0, 1].</param>
public sealed record Fidelity(int Epochs, double DataFraction)
{
    /// <inheritdoc />
    public override string ToString() => $"{Epochs}ep@{DataFraction:0.###}";
}
