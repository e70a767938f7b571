using System.Diagnostics;
using Azure.Storage.Blobs;
using NasFunctions.Storage.Emulator;

namespace NasFunctions.Storage.Tests;

public sealed class AzuriteProcessTests
{
    [Fact]
    public async Task Dispose_stops_the_process_and_closes_its_ports()
    {
        var azurite = await AzuriteProcess.StartAsync(new AzuriteOptions { ShutdownTimeout = TimeSpan.FromSeconds(20) });
        int[] ports = [azurite.BlobPort, azurite.QueuePort, azurite.TablePort];
        ports.ShouldAllBe(port => Ports.Accepts(port));
        Ports.IsAlive(azurite.ProcessId).ShouldBeTrue();

        var clock = Stopwatch.StartNew();
        await azurite.DisposeAsync();

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10), "SIGTERM should stop it well before the 20 s kill");
        Ports.IsAlive(azurite.ProcessId).ShouldBeFalse();
        ports.ShouldAllBe(port => !Ports.Accepts(port));
    }

    [Fact]
    public async Task Azurite_stops_when_its_parent_lets_go()
    {
        await using var azurite = await AzuriteProcess.StartAsync();
        azurite.StopsWithParent.ShouldBeTrue();

        azurite.SimulateParentExit();

        (await Ports.EventuallyAsync(() => !Ports.IsAlive(azurite.ProcessId), TimeSpan.FromSeconds(10))).ShouldBeTrue();
        Ports.Accepts(azurite.BlobPort).ShouldBeFalse();
    }

    [Fact]
    public async Task The_connection_string_names_the_three_loopback_ports()
    {
        await using var azurite = await AzuriteProcess.StartAsync();
        new[] { azurite.BlobPort, azurite.QueuePort, azurite.TablePort }.Distinct().Count().ShouldBe(3);
        azurite.ConnectionString.ShouldContain($"BlobEndpoint=http://127.0.0.1:{azurite.BlobPort}/devstoreaccount1;");
        azurite.ConnectionString.ShouldContain($"QueueEndpoint=http://127.0.0.1:{azurite.QueuePort}/devstoreaccount1;");
        azurite.ConnectionString.ShouldContain($"TableEndpoint=http://127.0.0.1:{azurite.TablePort}/devstoreaccount1;");
        azurite.ConnectionString.ShouldContain($"AccountKey={DevelopmentStorage.AccountKey}");
    }

    [Fact]
    public async Task The_store_works_against_an_Azurite_that_checks_api_versions()
    {
        await using var azurite = await AzuriteProcess.StartAsync(new AzuriteOptions { SkipApiVersionCheck = false });

        // The SDK's own default version is newer than Azurite accepts: proof that this instance is strict.
        var unpinned = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("unpinned");
        await Should.ThrowAsync<Azure.RequestFailedException>(() => unpinned.CreateIfNotExistsAsync());

        var store = new AzureSearchStore(new StorageOptions { ConnectionString = azurite.ConnectionString });
        await store.EnsureCreatedAsync();
        await store.PutSpecAsync("s1", "{}");
        (await store.GetSpecAsync("s1")).ShouldBe("{}");
        await store.UpsertTrialAsync(Records.FullTrial("s1", "t1"));
        (await store.ListTrialsAsync("s1")).ShouldBe([Records.FullTrial("s1", "t1")]);
    }

    [Fact]
    public async Task A_location_keeps_data_across_restarts()
    {
        var location = Directory.CreateTempSubdirectory("nas-azurite-").FullName;
        try
        {
            var options = new AzuriteOptions { Location = location };
            await using (var first = await AzuriteProcess.StartAsync(options))
            {
                var store = new AzureSearchStore(new StorageOptions { ConnectionString = first.ConnectionString });
                await store.EnsureCreatedAsync();
                await store.PutSpecAsync("kept", """{"a":1}""");
                await store.UpsertSearchAsync(Records.FullSearch("kept"));
            }

            await using var second = await AzuriteProcess.StartAsync(options);
            var reopened = new AzureSearchStore(new StorageOptions { ConnectionString = second.ConnectionString });
            (await reopened.GetSpecAsync("kept")).ShouldBe("""{"a":1}""");
            (await reopened.GetSearchAsync("kept")).ShouldBe(Records.FullSearch("kept"));
        }
        finally
        {
            Directory.Delete(location, recursive: true);
        }
    }

    [Fact]
    public async Task A_missing_executable_is_a_clear_error()
    {
        var error = await Should.ThrowAsync<FileNotFoundException>(
            () => AzuriteProcess.StartAsync(new AzuriteOptions { ExecutablePath = "/nonexistent/azurite" }));
        error.Message.ShouldContain("/nonexistent/azurite");
    }

    [Fact]
    public void Without_node_modules_the_error_says_to_run_npm_install()
    {
        var empty = Directory.CreateTempSubdirectory("nas-no-azurite-").FullName;
        try
        {
            var error = Should.Throw<FileNotFoundException>(() => AzuriteLaunch.Find(null, "test", [empty], "watchdog.js"));
            error.Message.ShouldContain("npm install");
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    [Fact]
    public void The_repository_node_modules_is_found_from_below()
    {
        var launch = AzuriteLaunch.Find(null, "test", [AppContext.BaseDirectory], "watchdog.js");
        launch.Watched.ShouldBeTrue();
        launch.LeadingArguments[^1].ShouldEndWith(Path.Combine("azurite", "dist", "src", "azurite.js"));
    }

    [Fact]
    public async Task An_Azurite_that_dies_at_startup_reports_its_stderr()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var script = Path.Combine(Directory.CreateTempSubdirectory("nas-fake-azurite-").FullName, "azurite");
        await File.WriteAllTextAsync(script, "#!/bin/sh\necho 'cannot open the database' >&2\nexit 3\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        try
        {
            var error = await Should.ThrowAsync<InvalidOperationException>(
                () => AzuriteProcess.StartAsync(new AzuriteOptions { ExecutablePath = script }));
            error.Message.ShouldContain("cannot open the database");
            error.Message.ShouldContain("exit code 3");
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(script)!, recursive: true);
        }
    }
}
