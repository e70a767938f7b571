namespace NasFunctions.SearchSpace.Tests;

/// <summary>Finds the shared benchmark tables: env NAS_BENCHMARKS, or the <c>shared/benchmarks</c> folder above the test's base directory.</summary>
internal static class BenchmarkTables
{
    public static string PathOf(string fileName)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("NAS_BENCHMARKS");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Path.Combine(fromEnvironment, fileName);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "benchmarks", fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"no shared/benchmarks/{fileName} above {AppContext.BaseDirectory} and NAS_BENCHMARKS is not set");
    }
}
