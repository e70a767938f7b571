namespace NasFunctions.Orchestration.Tests.Evaluation;

/// <summary>Tests that train with TorchSharp: its random generator and thread count are process-wide, so they run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchCollection
{
    public const string Name = "TorchSharp";
}
