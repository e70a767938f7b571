namespace NasFunctions.Local.Tests;

/// <summary>The CLI's search and bench commands keep libtorch's native warnings in a log and their own errors on the terminal.</summary>
[Collection(KilledWorkerCollection.Name)]
public sealed class NativeErrorLogTests : IDisposable
{
    private readonly string _home = Path.Combine(Path.GetTempPath(), "nas-home-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        if (Directory.Exists(_home))
        {
            Directory.Delete(_home, recursive: true);
        }
    }

    [Fact]
    public async Task Native_warnings_go_to_the_log_while_the_table_and_managed_errors_reach_the_terminal()
    {
        var (code, output, errors) = await RunAsync("bench", "fidelity", "--architectures", "3", "--max-epochs", "3", "--fraction", "0.005", "--threads", "1");

        code.ShouldBe(0, errors);
        output.ShouldContain("halving vs full");
        errors.ShouldContain("halving r0001-c00", customMessage: "the CLI's own progress lines stay on standard error");
        errors.ShouldNotContain("NNPACK");
        var log = Path.Combine(_home, "logs", "native.log");
        File.Exists(log).ShouldBeTrue();

        var (failed, _, failure) = await RunAsync("bench", "trainer", "--device", "tpu");
        failed.ShouldBe(1);
        failure.ShouldContain("error: Unknown device 'tpu'");
    }

    private Task<(int Code, string Output, string Errors)> RunAsync(params string[] arguments) =>
        NasCli.RunAsync(_home, TimeSpan.FromMinutes(3), arguments);
}
