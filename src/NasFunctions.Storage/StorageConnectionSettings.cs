using Azure.Core;
using Azure.Identity;

namespace NasFunctions.Storage;

/// <summary>
/// The identity-based form of a storage connection setting, as Azure Functions reads it: <c>NAME__accountName</c> (or
/// <c>NAME__blobServiceUri</c> and <c>NAME__tableServiceUri</c>), <c>NAME__credential</c> and <c>NAME__clientId</c>.
/// </summary>
/// <remarks>
/// The property names are the setting names (configuration binding ignores case). Without <see cref="Credential"/> the
/// connection uses <see cref="DefaultAzureCredential"/> (a developer's sign-in locally); with <c>managedidentity</c> it uses the
/// app's managed identity: the user-assigned one named by <see cref="ClientId"/>, else the system-assigned one.
/// </remarks>
public sealed class StorageConnectionSettings
{
    /// <summary>The only <see cref="Credential"/> value Functions defines: <c>managedidentity</c>.</summary>
    public const string ManagedIdentity = "managedidentity";

    /// <summary>Storage account name; the service endpoints are derived from it (<c>https://NAME.blob.core.windows.net</c> and so on). No default.</summary>
    public string? AccountName { get; set; }

    /// <summary>Blob service endpoint; overrides the one derived from <see cref="AccountName"/>. No default.</summary>
    public string? BlobServiceUri { get; set; }

    /// <summary>Table service endpoint; overrides the one derived from <see cref="AccountName"/>. No default.</summary>
    public string? TableServiceUri { get; set; }

    /// <summary>Queue service endpoint (the durable task hub's queues); overrides the one derived from <see cref="AccountName"/>. No default.</summary>
    public string? QueueServiceUri { get; set; }

    /// <summary><c>managedidentity</c>, or absent for <see cref="DefaultAzureCredential"/>. Default absent.</summary>
    public string? Credential { get; set; }

    /// <summary>Client id of the user-assigned managed identity; absent: the system-assigned identity. Default absent.</summary>
    public string? ClientId { get; set; }

    /// <summary>Every problem with these settings; empty when they make a connection.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(AccountName) && (string.IsNullOrWhiteSpace(BlobServiceUri) || string.IsNullOrWhiteSpace(TableServiceUri)))
        {
            problems.Add("accountName, or both blobServiceUri and tableServiceUri, is required.");
        }

        if (!string.IsNullOrWhiteSpace(AccountName) && !IsAccountName(AccountName))
        {
            problems.Add($"accountName '{AccountName}' is not a storage account name (3-24 lowercase letters and digits).");
        }

        foreach (var (name, value) in new[] { ("blobServiceUri", BlobServiceUri), ("tableServiceUri", TableServiceUri), ("queueServiceUri", QueueServiceUri) })
        {
            if (!string.IsNullOrWhiteSpace(value) && !Uri.TryCreate(value, UriKind.Absolute, out _))
            {
                problems.Add($"{name} '{value}' is not an absolute URI.");
            }
        }

        if (!string.IsNullOrWhiteSpace(Credential) && !string.Equals(Credential, ManagedIdentity, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"credential must be '{ManagedIdentity}' or absent, not '{Credential}'.");
        }

        if (!string.IsNullOrWhiteSpace(ClientId) && !Guid.TryParse(ClientId, out _))
        {
            problems.Add($"clientId '{ClientId}' is not a client id (a GUID).");
        }

        return problems;
    }

    /// <summary>The connection these settings describe.</summary>
    /// <exception cref="ArgumentException">The settings have a problem; the message lists them all.</exception>
    public StorageConnection ToConnection()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid identity-based storage connection: " + string.Join(" ", problems));
        }

        return StorageConnection.FromIdentity(
            Endpoint(BlobServiceUri, "blob")!, Endpoint(TableServiceUri, "table")!, Endpoint(QueueServiceUri, "queue"), CreateCredential());
    }

    private Uri? Endpoint(string? explicitUri, string service) =>
        !string.IsNullOrWhiteSpace(explicitUri) ? new Uri(explicitUri)
        : !string.IsNullOrWhiteSpace(AccountName) ? new Uri($"https://{AccountName}.{service}.core.windows.net")
        : null;

    private TokenCredential CreateCredential()
    {
        string? clientId = string.IsNullOrWhiteSpace(ClientId) ? null : ClientId;
        if (string.Equals(Credential, ManagedIdentity, StringComparison.OrdinalIgnoreCase))
        {
            return new ManagedIdentityCredential(clientId is null ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId));
        }

        return new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
    }

    private static bool IsAccountName(string name) =>
        name.Length is >= 3 and <= 24 && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9'));
}
