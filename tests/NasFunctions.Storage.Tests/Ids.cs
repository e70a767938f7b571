namespace NasFunctions.Storage.Tests;

/// <summary>Fresh search ids, so tests sharing one Azurite never see each other's data.</summary>
internal static class Ids
{
    public static string NewSearch() => "s-" + Guid.NewGuid().ToString("N")[..12];
}
