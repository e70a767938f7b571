using Microsoft.Extensions.Logging;
using NasFunctions.Api;

namespace NasFunctions.Local;

/// <summary>
/// How the local host accepts a search: with a journal, the spec is on local disk before the 202, and a start re-creates
/// each journaled search that storage lost; without one (a real storage account), straight through the API.
/// </summary>
public sealed class SearchAdmission(SearchApi api, IOrchestrationClient orchestrations, SearchIdGenerator ids, ILogger<SearchAdmission> logger, AcceptedSearchJournal? journal = null)
{
    /// <summary><c>POST /api/searches</c>, journaled when this host keeps a journal.</summary>
    public async Task<ApiResponse> CreateAsync(string body, string baseUrl, CancellationToken cancellationToken)
    {
        if (journal is null)
        {
            return await api.CreateAsync(body, baseUrl, cancellationToken);
        }

        string id = ids.Next();
        journal.Record(id, body);
        ApiResponse? response = null;
        try
        {
            response = await api.CreateAsync(body, baseUrl, id, cancellationToken);
            return response;
        }
        finally
        {
            if (response?.Status != 202)
            {
                journal.Remove(id);
            }
        }
    }

    /// <summary>Starts again every journaled search whose orchestration storage lacks; returns how many it started.</summary>
    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        if (journal is null)
        {
            return 0;
        }

        int started = 0;
        foreach (var (id, body) in journal.Entries())
        {
            if (await orchestrations.GetAsync(id, cancellationToken) is not null)
            {
                journal.Remove(id); // storage loaded it from its files: it is safe there now
                continue;
            }

            var response = await api.CreateAsync(body, string.Empty, id, cancellationToken);
            if (response.Status == 202)
            {
                started++;
                logger.LogWarning("Search {SearchId} was accepted but missing from storage (a kill lost it); started it again.", id);
            }
            else
            {
                journal.Remove(id);
                logger.LogWarning("Search {SearchId} was journaled but its spec no longer passes ({Status}); dropped it.", id, response.Status);
            }
        }

        return started;
    }
}
