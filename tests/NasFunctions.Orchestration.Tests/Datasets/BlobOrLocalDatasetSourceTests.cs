using NasFunctions.Evaluator.Data;
using NasFunctions.Orchestration.Datasets;

namespace NasFunctions.Orchestration.Tests.Datasets;

public sealed class BlobOrLocalDatasetSourceTests
{
    [Fact]
    public void Blob_paths_go_to_the_blob_source_and_every_other_path_is_read_locally()
    {
        var source = new BlobOrLocalDatasetSource(new Remote());
        var blob = new DatasetOptions { Name = "csv", Path = "blob:wine.csv" };
        var local = new DatasetOptions { Name = "csv", Path = "/data/wine.csv" };

        (source.Identify(blob), source.GetLocalPath(blob)).ShouldBe(("remote blob:wine.csv", "/cache/blob:wine.csv"));
        (source.Identify(local), source.GetLocalPath(local)).ShouldBe(("/data/wine.csv", "/data/wine.csv"));
        source.GetLocalPath(new DatasetOptions()).ShouldBe(DatasetOptions.FashionMnistFolder);
    }

    private sealed class Remote : IDatasetSource
    {
        public string Identify(DatasetOptions options) => "remote " + options.Path;

        public string GetLocalPath(DatasetOptions options) => "/cache/" + options.Path;
    }
}
