using System.Text.Json;

namespace NasFunctions.Local.Tests.Cli;

/// <summary><c>nas bench search</c> through the CLI: bad options refused with the usage, a tiny budget on a small subset printing the documented JSON.</summary>
[Collection(KilledWorkerCollection.Name)]
public sealed class BenchSearchCommandTests : IDisposable
{
    private readonly string _home = Path.Combine(Path.GetTempPath(), "nas-home-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        if (Directory.Exists(_home))
        {
            Directory.Delete(_home, recursive: true);
        }
    }

    [Theory]
    [InlineData("--minutes", "0", "Minutes must be more than 0")]
    [InlineData("--minutes", "-3", "Minutes must be more than 0")]
    [InlineData("--strategy", "annealing", "Strategy 'annealing' is unknown")]
    [InlineData("--retrain", "1", "RetrainShare must be 0 to 0.9")]
    [InlineData("--tolerance", "0.5", "RetrainTolerance must be 0 to 0.2")]
    [InlineData("--augment", "heavy", "FinalAugmentation must be one of none, light, standard")]
    public async Task Bad_options_are_refused_with_the_usage(string option, string value, string problem)
    {
        var (code, output, errors) = await NasCli.RunAsync(_home, TimeSpan.FromMinutes(2), "bench", "search", option, value, "--json");

        code.ShouldBe(2, errors);
        output.ShouldBeEmpty();
        errors.ShouldContain(problem);
        errors.ShouldContain("usage: nas bench search");
    }

    [Fact]
    public async Task Help_says_how_the_budget_is_split()
    {
        var (code, output, _) = await NasCli.RunAsync(_home, TimeSpan.FromMinutes(2), "bench", "search", "--help");

        code.ShouldBe(0);
        output.ShouldContain("retrained from scratch in the last\n  --retrain share of them");
        output.ShouldContain("then the reference CNN for another M minutes");
    }

    [Fact]
    public async Task A_tiny_budget_on_a_subset_prints_the_documented_json()
    {
        var (code, output, errors) = await NasCli.RunAsync(
            _home, TimeSpan.FromMinutes(3), "bench", "search", "--minutes", "0.05", "--retrain", "0", "--train", "200", "--evaluate", "50", "--threads", "1", "--json");

        code.ShouldBe(0, errors);
        errors.ShouldContain("reference conv3x3/32+bn|maxpool|conv3x3/64+bn|maxpool");
        var json = JsonDocument.Parse(output).RootElement;
        json.EnumerateObject().Select(p => p.Name).ShouldBe(["minutes", "search", "reference"]);
        json.GetProperty("minutes").GetDouble().ShouldBe(0.05);
        var search = json.GetProperty("search");
        search.EnumerateObject().Select(p => p.Name).ShouldBe(["val", "test", "architecture", "epochs"]);
        search.GetProperty("val").GetDouble().ShouldBeInRange(0, 100);
        search.GetProperty("epochs").GetInt32().ShouldBeGreaterThan(0);
        search.GetProperty("architecture").GetString().ShouldNotBeNullOrWhiteSpace();
        json.GetProperty("reference").EnumerateObject().Select(p => p.Name).ShouldBe(["val", "test"]);
    }
}
