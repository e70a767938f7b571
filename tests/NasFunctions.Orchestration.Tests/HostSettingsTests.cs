using Microsoft.Extensions.Configuration;

namespace NasFunctions.Orchestration.Tests;

/// <summary>The Functions host's Nas:Storage and Nas:Evaluator settings: read, defaulted, and refused with the reasons.</summary>
public sealed class HostSettingsTests
{
    [Fact]
    public void Settings_are_read_from_the_nas_section_and_absent_ones_keep_their_defaults()
    {
        var (storage, evaluator) = HostSettings.Read(Configuration(new()
        {
            ["Nas:Storage:DatasetsContainer"] = "training-data",
            ["Nas:Evaluator:TrainingSlots"] = "1",
            ["Nas:Evaluator:DatasetCacheFolder"] = "/mnt/cache",
        }), "UseDevelopmentStorage=true");

        (storage.ConnectionString, storage.DatasetsContainer, storage.Container).ShouldBe(("UseDevelopmentStorage=true", "training-data", "searches"));
        (evaluator.TrainingSlots, evaluator.DatasetCacheFolder, evaluator.ThreadsPerTraining).ShouldBe((1, "/mnt/cache", 0));
    }

    [Fact]
    public void Nothing_configured_gives_the_defaults()
    {
        var (storage, evaluator) = HostSettings.Read(Configuration(new()), "UseDevelopmentStorage=true");

        (storage.DatasetsContainer, evaluator.TrainingSlots).ShouldBe(("datasets", 2));
    }

    [Fact]
    public void Invalid_values_are_refused_naming_each_section_and_problem()
    {
        var error = Should.Throw<InvalidOperationException>(() => HostSettings.Read(Configuration(new()
        {
            ["Nas:Storage:DatasetsContainer"] = "Not_A_Container",
            ["Nas:Evaluator:TrainingSlots"] = "0",
        }), "UseDevelopmentStorage=true"));

        error.Message.ShouldContain("Nas:Storage: DatasetsContainer 'Not_A_Container' is not a valid container name");
        error.Message.ShouldContain("Nas:Evaluator: TrainingSlots must be at least 1.");
    }

    [Fact]
    public void An_unknown_setting_is_refused_by_name()
    {
        var error = Should.Throw<InvalidOperationException>(() => HostSettings.Read(
            Configuration(new() { ["Nas:Evaluator:Colour"] = "blue" }), "UseDevelopmentStorage=true"));

        error.Message.ShouldContain("Nas:Evaluator");
        error.Message.ShouldContain("Colour");
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
