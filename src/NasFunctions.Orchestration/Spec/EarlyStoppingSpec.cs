namespace NasFunctions.Orchestration.Spec;

/// <summary>Early stopping on a validation plateau: <c>"training": { "earlyStopping": { "patience": 2, "minGain": 0.001 } }</c>.</summary>
/// <param name="Patience">Epochs without a gain after which training stops, 1 to 1,000 (default 2).</param>
/// <param name="MinGain">The validation accuracy gain, in (0, 1], that counts as an improvement (default 0.001).</param>
public sealed record EarlyStoppingSpec(int Patience, double MinGain)
{
    /// <summary>Patience 2, minimum gain 0.001.</summary>
    public static EarlyStoppingSpec Default { get; } = new(2, 0.001);
}
