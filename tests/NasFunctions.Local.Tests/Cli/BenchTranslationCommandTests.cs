using System.Text.Json;
using NasFunctions.Benchmarks.Translation;

namespace NasFunctions.Local.Tests.Cli;

/// <summary><c>nas bench translation</c> through the CLI: bad options refused with the usage, a tiny budget on a small subset printing the documented JSON.</summary>
[Collection(KilledWorkerCollection.Name)]
public sealed class BenchTranslationCommandTests : IDisposable
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
    [InlineData("--task", "speech", "Task must be one of messages, g2p")]
    [InlineData("--minutes", "0", "Minutes must be more than 0")]
    [InlineData("--minutes", "1441", "at most 1440")]
    [InlineData("--strategy", "annealing", "Strategy 'annealing' is unknown")]
    [InlineData("--train", "0", "TrainPairs")]
    [InlineData("--retrain", "-1", "RetrainShare must be 0 to 0.9")]
    [InlineData("--tolerance", "-0.1", "RetrainTolerance must be 0 to 0.2")]
    [InlineData("--from", "yesterday", "RetrainFrom must be one of checkpoint, scratch")]
    [InlineData("--space", "rnn", "SpaceName must be one of full, transformer")]
    public async Task Bad_options_are_refused_with_the_usage(string option, string value, string problem)
    {
        var (code, output, errors) = await NasCli.RunAsync(_home, TimeSpan.FromMinutes(2), "bench", "translation", option, value, "--json");

        code.ShouldBe(2, errors);
        output.ShouldBeEmpty();
        errors.ShouldContain(problem);
        errors.ShouldContain("usage: nas bench translation");
    }

    [Fact]
    public async Task Help_says_how_the_budget_is_split()
    {
        var (code, output, _) = await NasCli.RunAsync(_home, TimeSpan.FromMinutes(2), "bench", "translation", "--help");

        code.ShouldBe(0);
        output.ShouldContain("its best trial trained on from its checkpoint in the last --retrain share of them");
        output.ShouldContain("then a one-layer attention LSTM for another M minutes");
    }

    [Fact]
    public async Task A_tiny_budget_on_a_subset_prints_the_documented_json()
    {
        var (code, output, errors) = await NasCli.RunAsync(
            _home, TimeSpan.FromMinutes(4), "bench", "translation", "--task", "g2p", "--minutes", "0.6", "--retrain", "0.5", "--train", "200", "--validate", "30",
            "--evaluate", "30", "--threads", "1", "--json");

        code.ShouldBe(0, errors);
        errors.ShouldContain("reference encoder=lstm;encoderLayers=1;decoder=lstm");
        errors.ShouldMatch(@"retrain r\d{4}-c\d{2} encoder=[^\n]*more epochs fit 18 s after its \d+", "the best trial trained on from its checkpoint");
        var json = JsonDocument.Parse(output).RootElement;
        json.EnumerateObject().Select(p => p.Name).ShouldBe(["task", "search", "baseline", "metric", "minutes"]);
        json.GetProperty("task").GetString().ShouldBe("g2p");
        json.GetProperty("metric").GetString().ShouldBe("wer");
        json.GetProperty("minutes").GetDouble().ShouldBe(0.6);
        var search = json.GetProperty("search");
        search.EnumerateObject().Select(p => p.Name).ShouldBe(["test", "architecture"]);
        search.GetProperty("test").GetDouble().ShouldBeInRange(0, 100);
        search.GetProperty("architecture").GetString()!.ShouldStartWith("encoder=");
        json.GetProperty("baseline").GetProperty("test").GetDouble().ShouldBeInRange(0, 100);
    }

    [Theory]
    [InlineData("encoder=lstm;encoderLayers=9", "1", "is not an architecture of this seq2seq space")]
    [InlineData(Baseline, "0", "Epochs must be 1 to 1000")]
    public async Task A_bad_architecture_or_epoch_count_to_train_alone_is_refused(string architecture, string epochs, string problem)
    {
        var (code, output, errors) = await NasCli.RunAsync(
            _home, TimeSpan.FromMinutes(2), "bench", "translation", "--task", "g2p", "--architecture", architecture, "--epochs", epochs, "--train", "200", "--json");

        code.ShouldBe(2, errors);
        output.ShouldBeEmpty();
        errors.ShouldContain(problem);
    }

    [Fact]
    public async Task One_architecture_trains_alone_for_its_epochs_and_prints_its_figures()
    {
        var (code, output, errors) = await NasCli.RunAsync(
            _home, TimeSpan.FromMinutes(3), "bench", "translation", "--task", "g2p", "--architecture", Baseline, "--epochs", "2", "--train", "200",
            "--validate", "30", "--evaluate", "30", "--json");

        code.ShouldBe(0, errors);
        var json = JsonDocument.Parse(output).RootElement;
        json.EnumerateObject().Select(p => p.Name).ShouldBe(["task", "architecture", "epochs", "validation", "test", "metric", "seconds"]);
        json.GetProperty("architecture").GetString().ShouldBe(Baseline);
        json.GetProperty("epochs").GetInt32().ShouldBe(2);
        json.GetProperty("metric").GetString().ShouldBe("wer");
        json.GetProperty("test").GetDouble().ShouldBeInRange(0, 100);
        json.GetProperty("seconds").GetDouble().ShouldBeGreaterThan(0);
    }

    private const string Baseline = TranslationBenchmarkOptions.BaselineArchitecture;
}
