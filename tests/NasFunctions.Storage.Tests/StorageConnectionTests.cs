using Azure.Identity;

namespace NasFunctions.Storage.Tests;

/// <summary>Each connection settings shape gives the right kind of client: shared key from a connection string, a token credential otherwise.</summary>
public sealed class StorageConnectionTests
{
    [Fact]
    public void A_connection_string_gives_shared_key_clients()
    {
        var connection = StorageConnection.FromConnectionString("UseDevelopmentStorage=true");

        connection.Credential.ShouldBeNull();
        var blobs = connection.CreateBlobServiceClient();
        blobs.CanGenerateAccountSasUri.ShouldBeTrue("a connection string signs with the account key");
        blobs.AccountName.ShouldBe("devstoreaccount1");
        connection.CreateTableServiceClient().AccountName.ShouldBe("devstoreaccount1");
    }

    [Fact]
    public void An_account_name_with_managed_identity_derives_every_service_endpoint_and_signs_with_tokens()
    {
        var settings = new StorageConnectionSettings
        {
            AccountName = "nasdata",
            Credential = "managedidentity",
            ClientId = "8d1a5f0e-3c1b-4f5e-9a7d-2b6c4e8f0a1d",
        };

        var connection = settings.ToConnection();

        connection.Credential.ShouldBeOfType<ManagedIdentityCredential>();
        connection.ConnectionString.ShouldBeNull();
        (connection.BlobServiceUri, connection.TableServiceUri, connection.QueueServiceUri).ShouldBe((
            new Uri("https://nasdata.blob.core.windows.net"), new Uri("https://nasdata.table.core.windows.net"), new Uri("https://nasdata.queue.core.windows.net")));
        var blobs = connection.CreateBlobServiceClient();
        blobs.CanGenerateAccountSasUri.ShouldBeFalse("a token credential has no account key");
        blobs.Uri.ShouldBe(new Uri("https://nasdata.blob.core.windows.net"));
        connection.CreateTableServiceClient().Uri.ShouldBe(new Uri("https://nasdata.table.core.windows.net"));
    }

    [Fact]
    public void Explicit_service_uris_win_over_the_derived_ones_and_no_credential_means_the_default_chain()
    {
        var connection = new StorageConnectionSettings
        {
            BlobServiceUri = "https://nasdata.blob.core.usgovcloudapi.net",
            TableServiceUri = "https://nasdata.table.core.usgovcloudapi.net",
        }.ToConnection();

        connection.Credential.ShouldBeOfType<DefaultAzureCredential>();
        connection.CreateBlobServiceClient().Uri.ShouldBe(new Uri("https://nasdata.blob.core.usgovcloudapi.net"));
        connection.CreateTableServiceClient().Uri.ShouldBe(new Uri("https://nasdata.table.core.usgovcloudapi.net"));
        connection.QueueServiceUri.ShouldBeNull();
    }

    [Theory]
    [InlineData(null, null, null, null, "accountName, or both blobServiceUri and tableServiceUri, is required")]
    [InlineData(null, "https://a.blob.core.windows.net", null, null, "accountName, or both blobServiceUri and tableServiceUri, is required")]
    [InlineData("Bad_Name", null, null, null, "accountName 'Bad_Name' is not a storage account name")]
    [InlineData("nasdata", null, "clientsecret", null, "credential must be 'managedidentity' or absent")]
    [InlineData("nasdata", null, "managedidentity", "not-a-guid", "clientId 'not-a-guid' is not a client id")]
    [InlineData("nasdata", "blob.core.windows.net", null, null, "blobServiceUri 'blob.core.windows.net' is not an absolute URI")]
    public void Unusable_settings_are_refused_with_the_reason(string? account, string? blob, string? credential, string? clientId, string reason)
    {
        var settings = new StorageConnectionSettings { AccountName = account, BlobServiceUri = blob, Credential = credential, ClientId = clientId };

        settings.Problems().ShouldContain(p => p.Contains(reason));
        Should.Throw<ArgumentException>(settings.ToConnection).Message.ShouldContain(reason);
    }

    [Fact]
    public void Storage_options_use_their_connection_when_set_and_else_the_connection_string()
    {
        var identity = new StorageConnectionSettings { AccountName = "nasdata", Credential = "managedidentity" }.ToConnection();

        new StorageOptions { Connection = identity }.Problems().ShouldBeEmpty();
        new StorageOptions { Connection = identity }.ResolveConnection().ShouldBeSameAs(identity);
        new StorageOptions { ConnectionString = "UseDevelopmentStorage=true" }.ResolveConnection().ConnectionString.ShouldBe("UseDevelopmentStorage=true");
        new StorageOptions().Problems().ShouldContain(p => p.Contains(nameof(StorageOptions.ConnectionString)));
    }
}
