namespace NasFunctions.Evaluator.Data;

/// <summary>Finds the CSV files of a one-file data set: a path to the CSV itself, or a folder with train.csv and maybe test.csv.</summary>
internal static class DatasetFiles
{
    public const string TrainCsv = "train.csv";
    public const string TestCsv = "test.csv";

    /// <summary>The training CSV and, when the folder has one, the test CSV.</summary>
    public static (string Train, string? Test) FindCsv(string path, string name)
    {
        if (File.Exists(path))
        {
            return (path, null);
        }

        if (Directory.Exists(path))
        {
            var train = Path.Combine(path, TrainCsv);
            var test = Path.Combine(path, TestCsv);
            if (File.Exists(train))
            {
                return (train, File.Exists(test) ? test : null);
            }

            throw new FileNotFoundException(
                $"Data set '{name}' not found: the folder '{path}' lacks {TrainCsv}. Point Path at a CSV file, or at a folder " +
                $"holding {TrainCsv} (and optionally {TestCsv}).", train);
        }

        throw new FileNotFoundException(
            $"Data set '{name}' not found: '{path}' is neither a CSV file nor a folder holding {TrainCsv}.", path);
    }
}
