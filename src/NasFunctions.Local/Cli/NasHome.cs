namespace NasFunctions.Local.Cli;

/// <summary>Where the CLI keeps local state (Azurite's data): <c>NAS_HOME</c>, else <c>.nas</c> in the current folder.</summary>
public static class NasHome
{
    /// <summary>The home folder, created on first use.</summary>
    public static string Path => Directory.CreateDirectory(
        Environment.GetEnvironmentVariable("NAS_HOME") is { Length: > 0 } home ? home : System.IO.Path.Combine(Environment.CurrentDirectory, ".nas")).FullName;

    /// <summary>The project's data folder, <c>data</c> under the home folder (not created): one of the local host's data roots.</summary>
    public static string DataFolder => System.IO.Path.Combine(
        Environment.GetEnvironmentVariable("NAS_HOME") is { Length: > 0 } home ? home : System.IO.Path.Combine(Environment.CurrentDirectory, ".nas"),
        "data");

    /// <summary>The folder Azurite persists to, so <c>nas status</c> can read a finished search later.</summary>
    public static string AzuriteLocation => Directory.CreateDirectory(System.IO.Path.Combine(Path, "azurite")).FullName;
}
