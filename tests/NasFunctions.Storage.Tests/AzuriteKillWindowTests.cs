using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using NasFunctions.Storage.Emulator;
using Xunit.Abstractions;

namespace NasFunctions.Storage.Tests;

/// <summary>
/// Azurite killed outright (SIGKILL) loses only the writes it acknowledged since its last save: with the project's save
/// interval, no more than the window the README states for a kill of the whole process group.
/// </summary>
public sealed partial class AzuriteKillWindowTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_killed_Azurite_loses_at_most_the_READMEs_stated_window_of_acknowledged_writes()
    {
        var stated = StatedWindow();
        var location = Directory.CreateTempSubdirectory("nas-azurite-window-").FullName;
        try
        {
            var options = new AzuriteOptions { Location = location };
            var acknowledged = new List<TimeSpan>();
            var clock = Stopwatch.StartNew();
            TimeSpan killedAt;
            await using (var azurite = await AzuriteProcess.StartAsync(options))
            {
                var table = new TableClient(azurite.ConnectionString, "window");
                await table.CreateIfNotExistsAsync();
                var until = clock.Elapsed + TimeSpan.FromSeconds(4);
                while (clock.Elapsed < until)
                {
                    await table.UpsertEntityAsync(new TableEntity("p", acknowledged.Count.ToString("D6", CultureInfo.InvariantCulture)));
                    acknowledged.Add(clock.Elapsed);
                }

                Process.GetProcessById(azurite.ProcessId).Kill();
                killedAt = clock.Elapsed;
                await azurite.Exited.WaitAsync(TimeSpan.FromSeconds(10));
            }

            await using var restarted = await AzuriteProcess.StartAsync(options);
            var kept = new TableClient(restarted.ConnectionString, "window").Query<TableEntity>().Select(e => int.Parse(e.RowKey, CultureInfo.InvariantCulture)).ToList();
            int lastKept = kept.Count == 0 ? -1 : kept.Max();
            var window = killedAt - (lastKept < 0 ? TimeSpan.Zero : acknowledged[lastKept]);
            output.WriteLine($"{acknowledged.Count} writes acknowledged in 4 s; after the kill {kept.Count} remained, {acknowledged.Count - kept.Count} lost; "
                + $"the last kept one was acknowledged {window.TotalMilliseconds:0} ms before the kill (README: at most {stated.TotalMilliseconds:0} ms)");
            kept.Count.ShouldBe(lastKept + 1, "what is kept is a prefix of what was acknowledged");
            window.ShouldBeLessThan(stated);
        }
        finally
        {
            Directory.Delete(location, recursive: true);
        }
    }

    // The README's crash-safety section states the window as "acknowledged in the last N ms".
    private static TimeSpan StatedWindow()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NasFunctions.sln")))
        {
            directory = directory.Parent;
        }

        var readme = File.ReadAllText(Path.Combine(directory!.FullName, "README.md"));
        var match = StatedWindowPattern().Match(readme);
        match.Success.ShouldBeTrue("the README states the window of a process-group kill");
        return TimeSpan.FromMilliseconds(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"acknowledged in the last (\d+) ms")]
    private static partial Regex StatedWindowPattern();
}
