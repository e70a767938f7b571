using System.Text.Json;
using NasFunctions.SearchSpace.Language;
using NasFunctions.SearchSpace.MacroCnn;

namespace NasFunctions.SearchSpace.Tests;

/// <summary>A network space joined with searched training settings: decisions, canonical strings, parsing, and the parts back.</summary>
public sealed class JointSearchSpaceTests
{
    private static readonly MacroCnnSpace Network = new(new MacroCnnSpaceOptions { MinBlocks = 1, MaxBlocks = 2, Channels = [8, 16] });

    private static JointSearchSpace Joint()
    {
        var errors = new List<SpecError>();
        using var rate = JsonDocument.Parse("""{ "float": [0.001, 0.1], "log": true, "levels": 3 }""");
        using var optimizer = JsonDocument.Parse("""{ "choice": ["sgd", "adamw"] }""");
        var settings = new[]
        {
            JointSearchSpace.ReadSetting("learningRate", rate.RootElement, "$.lr", errors)!,
            JointSearchSpace.ReadSetting("optimizer", optimizer.RootElement, "$.opt", errors)!,
        };
        errors.ShouldBeEmpty();
        return new JointSearchSpace(Network, settings);
    }

    [Fact]
    public void Its_decisions_are_the_networks_then_one_per_setting_on_a_log_range()
    {
        var joint = Joint();

        joint.Decisions.Take(Network.Decisions.Count).ShouldBe(Network.Decisions);
        joint.Decisions[^2].ShouldBe(new Decision("training.learningRate", ["0.001", "0.01", "0.1"]), new DecisionComparer());
        joint.Decisions[^1].Choices.ShouldBe(["sgd", "adamw"]);
        joint.Size.ShouldBe(Network.Size * 6);
        joint.Kind.ShouldBe("macro-cnn");
    }

    [Fact]
    public void A_sampled_architecture_writes_its_settings_after_the_network_and_parses_back()
    {
        var joint = Joint();
        var architecture = DecisionSampler.Sample(joint, new Random(3));

        architecture.Canonical.ShouldStartWith(joint.NetworkOf(architecture).Canonical + "@learningRate=");
        architecture.Canonical.ShouldContain(";optimizer=");
        joint.Parse(architecture.Canonical).ShouldBe(architecture);
        joint.SettingsOf(architecture).Keys.ShouldBe(["learningRate", "optimizer"]);
        Network.Parse(joint.NetworkOf(architecture).Canonical).ShouldBe(joint.NetworkOf(architecture));
    }

    [Theory]
    [InlineData("conv3x3/8+bn", "names no training settings")]
    [InlineData("conv3x3/8+bn@learningRate=0.5;optimizer=sgd", "not one of")]
    [InlineData("conv3x3/8+bn@learningRate=0.01", "'optimizer' is missing")]
    [InlineData("conv3x3/8+bn@optimizer=sgd;learningRate=0.01", "not canonical")]
    [InlineData("conv3x3/8+bn@learningRate=0.01;optimizer=sgd;momentum=0.9", "not a setting")]
    public void A_bad_string_is_a_format_error_that_says_why(string canonical, string says) =>
        Should.Throw<FormatException>(() => Joint().Parse(canonical)).Message.ShouldContain(says);

    [Fact]
    public void Create_needs_every_setting_with_a_known_value()
    {
        var joint = Joint();
        var network = Network.Parse("conv3x3/8+bn");
        var choices = new Dictionary<string, string>(network.Choices) { ["training.learningRate"] = "0.01", ["training.optimizer"] = "adamw" };

        joint.Create(choices).Canonical.ShouldBe("conv3x3/8+bn@learningRate=0.01;optimizer=adamw");
        choices["training.optimizer"] = "rmsprop";
        Should.Throw<ArgumentException>(() => joint.Create(choices));
    }

    private sealed class DecisionComparer : IEqualityComparer<Decision>
    {
        public bool Equals(Decision? x, Decision? y) => x!.Label == y!.Label && x.Choices.SequenceEqual(y.Choices);

        public int GetHashCode(Decision obj) => obj.Label.GetHashCode(StringComparison.Ordinal);
    }
}
