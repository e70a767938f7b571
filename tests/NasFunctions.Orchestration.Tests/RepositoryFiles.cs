namespace NasFunctions.Orchestration.Tests;

/// <summary>Files build/setup.sh puts in the repository (the tabular CSVs), found from the test binaries.</summary>
internal static class RepositoryFiles
{
    public static string Find(string relative)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "NasFunctions.sln")))
            {
                var path = Path.Combine(folder.FullName, relative);
                return File.Exists(path) ? path : throw new FileNotFoundException($"'{path}' is missing: run build/setup.sh.", path);
            }
        }

        throw new DirectoryNotFoundException($"No NasFunctions.sln above '{AppContext.BaseDirectory}'.");
    }
}
