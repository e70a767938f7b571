using Microsoft.Extensions.Configuration;
using NasFunctions.Evaluator.Data;
using NasFunctions.Orchestration.Spec;

namespace NasFunctions.Orchestration.Tests;

/// <summary>The data roots and the data-set byte cap come from the host's Nas:Evaluator settings and reach the spec limits.</summary>
public sealed class HostDataRootsSettingsTests
{
    [Fact]
    public void Data_roots_and_the_byte_cap_are_read_from_nas_evaluator()
    {
        var (_, evaluator) = HostSettings.Read(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Nas:Evaluator:DataRoots:0"] = "/srv/data",
            ["Nas:Evaluator:DataRoots:1"] = "/mnt/sets",
            ["Nas:Evaluator:MaxDatasetBytes"] = "1000",
        }).Build(), "UseDevelopmentStorage=true");

        evaluator.EffectiveDataRoots.ShouldBe(["/srv/data", "/mnt/sets"]);
        SpecLimits.For(evaluator).DataRoots.MaxBytes.ShouldBe(1000);
    }

    [Fact]
    public void Without_settings_only_debians_data_set_folder_is_a_root()
    {
        var (_, evaluator) = HostSettings.Read(new ConfigurationBuilder().Build(), "UseDevelopmentStorage=true");

        evaluator.EffectiveDataRoots.ShouldBe([DataRoots.DebianDatasets]);
        evaluator.MaxDatasetBytes.ShouldBe(4L << 30);
    }

    [Fact]
    public void A_relative_root_is_refused()
    {
        var error = Should.Throw<InvalidOperationException>(() => HostSettings.Read(new ConfigurationBuilder().AddInMemoryCollection(
            new Dictionary<string, string?> { ["Nas:Evaluator:DataRoots:0"] = "data" }).Build(), "UseDevelopmentStorage=true"));

        error.Message.ShouldContain("DataRoots must list absolute folders");
    }
}
