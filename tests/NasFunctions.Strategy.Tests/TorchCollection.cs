namespace NasFunctions.Strategy.Tests;

/// <summary>Tests that use TorchSharp run one at a time: libtorch's thread pool and generator are process-wide.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchCollection
{
    public const string Name = "TorchSharp";
}
