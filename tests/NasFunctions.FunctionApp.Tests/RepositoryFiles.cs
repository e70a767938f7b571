namespace NasFunctions.FunctionApp.Tests;

/// <summary>Files of the repository (infra/, host.json, the Dockerfiles), found from the test binaries.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "NasFunctions.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No NasFunctions.sln above '{AppContext.BaseDirectory}'.");
    }
}
