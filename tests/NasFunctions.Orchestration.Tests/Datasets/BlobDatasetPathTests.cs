using NasFunctions.Evaluator.Data;
using NasFunctions.Orchestration.Datasets;

namespace NasFunctions.Orchestration.Tests.Datasets;

public sealed class BlobDatasetPathTests
{
    [Theory]
    [InlineData("blob:wine/wine.csv", DatasetKind.Csv, "wine/wine.csv", false, "wine.csv")]
    [InlineData("blob:wine.csv", DatasetKind.Csv, "wine.csv", false, "wine.csv")]
    [InlineData("blob:tables/wine/", DatasetKind.Csv, "tables/wine/", true, "wine")]
    [InlineData("blob:reviews.csv", DatasetKind.TextCsv, "reviews.csv", false, "reviews.csv")]
    [InlineData("blob:fashion-mnist/", DatasetKind.Idx, "fashion-mnist/", true, "fashion-mnist")]
    [InlineData("blob:images/cifar-10/", DatasetKind.Cifar10, "images/cifar-10/", true, "cifar-10")]
    [InlineData("blob:spam/", DatasetKind.SpamAssassin, "spam/", true, "spam")]
    public void Reads_one_blob_or_a_folder_prefix(string text, DatasetKind kind, string prefix, bool folder, string last)
    {
        BlobDatasetPath.Problems(text, kind).ShouldBeEmpty();
        var path = BlobDatasetPath.Parse(text, kind);

        (path.Prefix, path.IsFolder, path.LastSegment, path.ToString()).ShouldBe((prefix, folder, last, text));
    }

    [Theory]
    [InlineData("blob:", "names no blob")]
    [InlineData("blob:/", "names no blob")]
    [InlineData("blob:///", "names no blob")]
    [InlineData("blob:/wine.csv", "must not start with '/'")]
    [InlineData("blob:a/../wine.csv", "'..' segment")]
    [InlineData("blob:./wine.csv", "'..' segment")]
    [InlineData("blob:a/../", "'..' segment")]
    [InlineData("blob:a//wine.csv", "empty segment")]
    [InlineData("blob:a\\wine.csv", "separate folders with '/'")]
    [InlineData("blob:a\twine.csv", "control character")]
    public void Each_malformed_prefix_is_named(string text, string problem)
    {
        BlobDatasetPath.Problems(text, DatasetKind.Csv).ShouldContain(p => p.Contains(problem));
        Should.Throw<ArgumentException>(() => BlobDatasetPath.Parse(text, DatasetKind.Csv)).Message.ShouldContain(problem);
    }

    [Theory]
    [InlineData(DatasetKind.Idx)]
    [InlineData(DatasetKind.Cifar10)]
    [InlineData(DatasetKind.SpamAssassin)]
    public void A_folder_data_set_needs_a_folder_prefix(DatasetKind kind)
    {
        BlobDatasetPath.Problems("blob:fashion-mnist", kind).ShouldHaveSingleItem().ShouldContain("end the prefix with '/' (blob:fashion-mnist/)");
    }

    [Fact]
    public void A_prefix_longer_than_azure_allows_is_refused()
    {
        BlobDatasetPath.Problems("blob:" + new string('a', 1025), DatasetKind.Csv).ShouldHaveSingleItem().ShouldContain("1024");
        BlobDatasetPath.Problems("blob:" + new string('a', 1024), DatasetKind.Csv).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("/data/wine.csv", false)]
    [InlineData("Blob:wine.csv", false)]
    [InlineData("blob:wine.csv", true)]
    public void Only_the_blob_scheme_names_a_blob_path(string? text, bool isBlob)
    {
        BlobDatasetPath.IsBlob(text).ShouldBe(isBlob);
    }

    [Fact]
    public void A_local_path_is_not_parsed()
    {
        Should.Throw<ArgumentException>(() => BlobDatasetPath.Parse("/data/wine.csv", DatasetKind.Csv)).Message.ShouldContain("start with 'blob:'");
    }
}
