namespace NasFunctions.Evaluator.Data;

/// <summary>Finds the files of a one-file data set: a path to the file itself, or a folder with train.EXT and maybe test.EXT.</summary>
internal static class DatasetFiles
{
    public const string TrainCsv = "train.csv";
    public const string TestCsv = "test.csv";
    public const string TrainTsv = "train.tsv";
    public const string TestTsv = "test.tsv";

    /// <summary>The training CSV and, when the folder has one, the test CSV.</summary>
    public static (string Train, string? Test) FindCsv(string path, string name) => Find(path, name, TrainCsv, TestCsv, "CSV");

    /// <summary>The training TSV and, when the folder has one, the test TSV.</summary>
    public static (string Train, string? Test) FindTsv(string path, string name) => Find(path, name, TrainTsv, TestTsv, "TSV");

    private static (string Train, string? Test) Find(string path, string name, string trainName, string testName, string format)
    {
        if (File.Exists(path))
        {
            return (path, null);
        }

        if (Directory.Exists(path))
        {
            var train = Path.Combine(path, trainName);
            var test = Path.Combine(path, testName);
            if (File.Exists(train))
            {
                return (train, File.Exists(test) ? test : null);
            }

            throw new FileNotFoundException(
                $"Data set '{name}' not found: the folder '{path}' lacks {trainName}. Point Path at a {format} file, or at a folder " +
                $"holding {trainName} (and optionally {testName}).", train);
        }

        throw new FileNotFoundException(
            $"Data set '{name}' not found: '{path}' is neither a {format} file nor a folder holding {trainName}.", path);
    }
}
