using System.Net;
using System.Text.Json;

namespace NasFunctions.Local.Tests;

/// <summary>
/// A search whose spec the journal holds but storage lost (a kill of the whole process group right after its 202) is
/// started again, under its id, when the host starts.
/// </summary>
[Collection(KilledWorkerCollection.Name)]
public sealed class AcceptedSearchRecoveryTests
{
    private const string Spec = """
        { "name": "journaled", "space": { "kind": "macro-cnn", "minBlocks": 1, "maxBlocks": 1, "operations": ["maxpool"], "channels": [16] },
          "budget": { "rounds": 1, "candidatesPerRound": 1 }, "training": { "epochs": 1, "dataFraction": 0.01, "threads": 1 } }
        """;

    [Fact]
    public async Task A_journaled_search_missing_from_storage_is_started_at_the_next_start_and_then_leaves_the_journal()
    {
        var location = Directory.CreateTempSubdirectory("nas-journal-").FullName;
        try
        {
            var journal = new AcceptedSearchJournal(Path.Combine(location, "nas-accepted"));
            journal.Record("s20261202-000000-abcdef", Spec);
            journal.Record("s20261202-000001-badbad", """{ "budget": { "rounds": 0 } }""");

            await using (var host = await StartAsync(location))
            {
                using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl + "/") };
                using var response = await http.GetAsync("api/searches/s20261202-000000-abcdef");
                string body = await response.Content.ReadAsStringAsync();
                response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
                var search = JsonDocument.Parse(body).RootElement;
                search.GetProperty("name").GetString().ShouldBe("journaled");
                search.GetProperty("runtimeStatus").GetString().ShouldNotBeNull();
                (await http.GetAsync("api/searches/s20261202-000001-badbad")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
                journal.Entries().Select(e => e.Id).ShouldBe(["s20261202-000000-abcdef"], "kept until a start finds it in storage");
            }

            await using (await StartAsync(location))
            {
                journal.Entries().ShouldBeEmpty("storage had it on disk at this start");
            }
        }
        finally
        {
            await CrashSafetyTests.DeleteWhenFreeAsync(location);
        }
    }

    private static Task<LocalHost> StartAsync(string location)
    {
        var options = new LocalHostOptions { Port = 0, AzuriteLocation = location };
        options.Durable.WorkerId = "journal-tests";
        options.Evaluator.ThreadsPerTraining = 1;
        return LocalHost.StartAsync(options);
    }
}
