using Azure.Identity;
using Microsoft.Extensions.Configuration;
using NasFunctions.Storage;

namespace NasFunctions.Orchestration.Tests;

/// <summary>The host's storage connection in the settings forms Functions uses: a connection string, or identity-based NAME__ settings.</summary>
public sealed class HostConnectionTests
{
    private static readonly string[] Names = [HostSettings.StorageConnectionName, HostSettings.HostStorageConnectionName];

    [Fact]
    public void A_connection_string_setting_gives_a_connection_string_connection()
    {
        var connection = HostSettings.ReadConnection(Configuration(new() { ["NasStorage"] = "UseDevelopmentStorage=true" }), Names);

        (connection.ConnectionString, connection.Credential).ShouldBe(("UseDevelopmentStorage=true", null));
    }

    [Fact]
    public void Identity_settings_as_environment_variables_give_a_managed_identity_connection()
    {
        // NasStorage__accountName and so on, as an app setting (environment variable) reads in configuration.
        var connection = HostSettings.ReadConnection(Configuration(new()
        {
            ["NasStorage:accountName"] = "nasdata",
            ["NasStorage:credential"] = "managedidentity",
            ["NasStorage:clientId"] = "8d1a5f0e-3c1b-4f5e-9a7d-2b6c4e8f0a1d",
        }), Names);

        connection.Credential.ShouldBeOfType<ManagedIdentityCredential>();
        connection.TableServiceUri.ShouldBe(new Uri("https://nasdata.table.core.windows.net"));
    }

    [Fact]
    public void Without_nas_storage_the_functions_hosts_own_connection_is_used_in_either_form()
    {
        var byString = HostSettings.ReadConnection(Configuration(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" }), Names);
        var byIdentity = HostSettings.ReadConnection(Configuration(new() { ["AzureWebJobsStorage:accountName"] = "hoststore" }), Names);

        byString.ConnectionString.ShouldBe("UseDevelopmentStorage=true");
        byIdentity.BlobServiceUri.ShouldBe(new Uri("https://hoststore.blob.core.windows.net"));
        byIdentity.Credential.ShouldBeOfType<DefaultAzureCredential>();
    }

    [Fact]
    public void The_settings_read_carry_an_identity_connection_to_the_store_options()
    {
        var connection = HostSettings.ReadConnection(Configuration(new() { ["NasStorage:accountName"] = "nasdata" }), Names);

        var (storage, _) = HostSettings.Read(Configuration(new()), connection);

        storage.ResolveConnection().ShouldBeSameAs(connection);
        storage.Problems().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("NasStorage:accountName", "nasdata", "NasStorage:password", "x", "password")]
    [InlineData("NasStorage:accountName", "nasdata", "NasStorage:credential", "secret", "credential must be 'managedidentity'")]
    [InlineData("NasStorage", "UseDevelopmentStorage=true", "NasStorage:accountName", "nasdata", "not both")]
    public void Bad_or_ambiguous_settings_are_refused_with_the_reason(string key1, string value1, string key2, string value2, string reason)
    {
        var error = Should.Throw<InvalidOperationException>(() =>
            HostSettings.ReadConnection(Configuration(new() { [key1] = value1, [key2] = value2 }), Names));

        error.Message.ShouldContain(reason);
    }

    [Fact]
    public void No_connection_at_all_names_the_settings_to_set()
    {
        var error = Should.Throw<InvalidOperationException>(() => HostSettings.ReadConnection(Configuration(new()), Names));

        error.Message.ShouldContain("NasStorage or AzureWebJobsStorage");
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
