using NasFunctions.Evaluator.Tests.Models;
using NasFunctions.Evaluator.Training;
using NasFunctions.SearchSpace.MacroCnn;
using NasFunctions.SearchSpace.Mlp;

namespace NasFunctions.Evaluator.Tests.Training;

/// <summary>One training's thread count never changes another's: trainings that want different counts take turns.</summary>
[Collection(TorchCollection.Name)]
public sealed class TrainingThreadsTests
{
    private static readonly TimeSpan Blocked = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task Two_concurrent_trainings_with_different_threads_get_what_each_gets_alone()
    {
        var cnn = new MacroCnnSpace(new MacroCnnSpaceOptions { Channels = [8, 16] });
        var cnnNet = cnn.Parse("conv3x3/16+bn|conv3x3/16+bn");
        var images = TinyData.Images(1, 16, count: 96);
        var mlp = new MlpSpace(new MlpSpaceOptions { Inputs = 6, Classes = 3, Units = [64], Dropout = [0.3] });
        var mlpNet = mlp.Parse("layers=[units=64,activation=relu,dropout=0.3,batchNorm=true|units=64,activation=gelu,dropout=0.3,batchNorm=false]");
        var table = TinyData.Features(6, count: 256);
        TrainingOptions Options(int threads) => new() { Threads = threads, BatchSize = 16, LatencyWarmups = 0, LatencyRepeats = 1 };
        TrainingResult Cnn(int threads) => ClassificationTrainer.Train(cnn, cnnNet, images, 2, 1, 7, Options(threads));
        TrainingResult Mlp(int threads) => ClassificationTrainer.Train(mlp, mlpNet, table, 3, 1, 8, Options(threads));

        var cnnAlone = Cnn(1);
        var mlpAlone = Mlp(2);
        Cnn(2).Weights.ShouldNotBe(cnnAlone.Weights, "the thread count changes this network's results, so a leak would show");

        var together = await Task.WhenAll(Task.Run(() => Cnn(1)), Task.Run(() => Mlp(2)), Task.Run(() => Cnn(1)));

        together[0].Weights.ShouldBe(cnnAlone.Weights);
        together[1].Weights.ShouldBe(mlpAlone.Weights);
        together[2].Weights.ShouldBe(cnnAlone.Weights);
    }

    [Fact]
    public async Task Trainings_of_one_count_run_together_and_another_count_waits_its_turn_in_order()
    {
        var first = TrainingThreads.Enter(1);
        var second = TrainingThreads.Enter(1);
        TrainingThreads.Running.ShouldBe(2, "the same count joins at once");

        var other = Task.Run(() => TrainingThreads.Enter(2));
        await Task.Delay(Blocked);
        other.IsCompleted.ShouldBeFalse("another count waits while the first runs");
        var late = Task.Run(() => TrainingThreads.Enter(1));
        await Task.Delay(Blocked);
        late.IsCompleted.ShouldBeFalse("a later arrival does not overtake a waiting count");

        first.Dispose();
        second.Dispose();
        var otherTurn = await other.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(Blocked);
        late.IsCompleted.ShouldBeFalse();
        otherTurn.Dispose();
        (await late.WaitAsync(TimeSpan.FromSeconds(30))).Dispose();
        TrainingThreads.Running.ShouldBe(0);
    }

    [Fact]
    public async Task A_cancelled_wait_gives_up_its_place()
    {
        var held = TrainingThreads.Enter(1);
        using var cancel = new CancellationTokenSource(Blocked);

        await Should.ThrowAsync<OperationCanceledException>(Task.Run(() => TrainingThreads.Enter(2, cancel.Token)));

        TrainingThreads.Enter(1).Dispose(); // nobody waits before it any more
        held.Dispose();
        TrainingThreads.Running.ShouldBe(0);
    }
}
