namespace NasFunctions.Storage.Tests;

public sealed class StorageOptionsTests
{
    [Fact]
    public void Defaults_name_the_documented_container_and_tables()
    {
        var options = new StorageOptions();
        options.Container.ShouldBe("searches");
        options.DatasetsContainer.ShouldBe("datasets");
        options.SearchesTable.ShouldBe("Searches");
        options.TrialsTable.ShouldBe("Trials");
    }

    [Fact]
    public void A_connection_string_is_required()
    {
        new StorageOptions().Problems().ShouldHaveSingleItem().ShouldContain(nameof(StorageOptions.ConnectionString));
        Should.Throw<ArgumentException>(() => new AzureSearchStore(new StorageOptions()));
    }

    [Fact]
    public void Every_bad_name_is_reported()
    {
        var options = new StorageOptions
        {
            ConnectionString = "UseDevelopmentStorage=true",
            Container = "Bad_Container",
            DatasetsContainer = "-sets",
            SearchesTable = "1bad",
            TrialsTable = "no-hyphens",
        };
        options.Problems().Count.ShouldBe(4);
        Should.Throw<ArgumentException>(options.Validate).Message.ShouldContain("Bad_Container");
        options.Problems().ShouldContain(p => p.StartsWith("DatasetsContainer '-sets'"));
    }

    [Fact]
    public void Valid_options_have_no_problems()
    {
        new StorageOptions { ConnectionString = "UseDevelopmentStorage=true" }.Problems().ShouldBeEmpty();
    }
}
