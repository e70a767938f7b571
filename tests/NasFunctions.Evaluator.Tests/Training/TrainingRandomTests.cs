using NasFunctions.Evaluator.Models;
using NasFunctions.Evaluator.Training;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Tests.Training;

/// <summary>A training's generator: seeded like torch's, lent to the default generator for a build, its state saved and restored.</summary>
[Collection(TorchCollection.Name)]
public sealed class TrainingRandomTests
{
    [Fact]
    public void A_build_draws_what_manual_seed_would_and_the_generator_moves_on_past_it()
    {
        using var scope = NewDisposeScope();
        manual_seed(11);
        var seeded = rand(8).data<float>().ToArray();
        var next = rand(8).data<float>().ToArray();
        using var random = new TrainingRandom(11, CPU);

        random.DrawFromDefault(() => rand(8)).data<float>().ToArray().ShouldBe(seeded);
        manual_seed(5); // the default generator is not this training's: moving it changes nothing
        random.DrawFromDefault(() => rand(8)).data<float>().ToArray().ShouldBe(next);
    }

    [Fact]
    public void A_saved_state_restores_the_draws_that_followed_it()
    {
        using var scope = NewDisposeScope();
        using var random = new TrainingRandom(3, CPU);
        rand(10, generator: random.OnDevice);
        var state = random.SaveState();
        var after = rand(10, generator: random.OnDevice).data<float>().ToArray();

        using var restored = new TrainingRandom(99, CPU);
        restored.LoadState(state);

        rand(10, generator: restored.OnDevice).data<float>().ToArray().ShouldBe(after);
        Should.Throw<InvalidDataException>(() => restored.LoadState(state[..^3]));
    }

    [Fact]
    public void Attaching_hands_the_generator_to_every_dropout_of_a_model()
    {
        using var random = new TrainingRandom(1, CPU);
        using var model = nn.Sequential(("a", new SeededDropout(0.1)), ("b", nn.Sequential(("c", new SeededDropout(0.2)))));

        random.AttachTo(model);

        model.modules().OfType<SeededDropout>().Select(d => d.Generator).ShouldAllBe(g => g == random.OnDevice);
        model.modules().OfType<SeededDropout>().Count().ShouldBe(2);
    }
}
