namespace NasFunctions.Storage.Tests;

public sealed class BlobPathsTests
{
    [Fact]
    public void Paths_follow_the_storage_layout()
    {
        BlobPaths.Spec("s1").ShouldBe("s1/spec.json");
        BlobPaths.ControllerState("s1", 7).ShouldBe("s1/controller/round-0007.json");
        BlobPaths.ControllerState("s1", 12345).ShouldBe("s1/controller/round-12345.json");
        BlobPaths.TrialWeights("s1", "r0003-c07").ShouldBe("s1/trials/r0003-c07/weights");
        BlobPaths.TrialArchitecture("s1", "r0003-c07").ShouldBe("s1/trials/r0003-c07/architecture.json");
        BlobPaths.Report("s1", "plots/pareto.svg").ShouldBe("s1/report/plots/pareto.svg");
    }
}
