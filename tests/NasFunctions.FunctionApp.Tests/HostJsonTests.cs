using System.Text.Json.Nodes;

namespace NasFunctions.FunctionApp.Tests;

/// <summary>host.json suits both hostings: long trainings allowed, the same quiet log levels as the worker.</summary>
public sealed class HostJsonTests
{
    private static readonly JsonNode HostJson = JsonNode.Parse(File.ReadAllText(RepositoryFiles.Path("host.json")))!;

    [Fact]
    public void The_host_logs_the_azure_sdk_and_durable_task_at_warning_and_the_app_at_information()
    {
        var levels = HostJson["logging"]!["logLevel"]!.AsObject();

        foreach (string category in QuietLogging.WarningCategories)
        {
            ((string?)levels[category]).ShouldBe("Warning", category);
        }

        ((string?)levels["Function"]).ShouldBe("Information");
        ((string?)levels[QuietLogging.AppCategory]).ShouldBe("Information");
        ((string?)levels["default"]).ShouldNotBe("Information", "the default would let every Azure SDK request through");
    }

    [Fact]
    public void The_function_timeout_allows_long_trainings_but_stays_bounded()
    {
        var timeout = TimeSpan.Parse((string)HostJson["functionTimeout"]!, System.Globalization.CultureInfo.InvariantCulture);

        timeout.ShouldBeGreaterThan(TimeSpan.FromMinutes(10), "longer than classic Consumption's cap, which is not supported");
        timeout.ShouldBeLessThanOrEqualTo(TimeSpan.FromDays(1));
    }

    [Fact]
    public void The_published_app_reads_the_repository_host_json()
    {
        File.ReadAllText(FunctionAppSetup.HostJsonPath).ShouldBe(File.ReadAllText(RepositoryFiles.Path("host.json")));
    }
}
