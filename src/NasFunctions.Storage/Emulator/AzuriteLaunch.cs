using System.Diagnostics;

namespace NasFunctions.Storage.Emulator;

/// <summary>How to start Azurite found on this machine: through node with a parent-death watchdog, or its executable as is.</summary>
internal sealed record AzuriteLaunch(string FileName, IReadOnlyList<string> LeadingArguments, bool Watched)
{
    private const string BinRelativePath = "node_modules/.bin/azurite";
    private const string ScriptRelativePath = "node_modules/azurite/dist/src/azurite.js";

    private static readonly string[] _binNames = OperatingSystem.IsWindows()
        ? [BinRelativePath + ".cmd", BinRelativePath]
        : [BinRelativePath];

    /// <summary>Finds Azurite: the explicit path, else NAS_AZURITE, else node_modules/.bin/azurite above the current and base directories.</summary>
    public static AzuriteLaunch Find(string? explicitPath, string watchdogScript)
    {
        var fromVariable = NonBlank(Environment.GetEnvironmentVariable(AzuriteOptions.ExecutableVariable));
        var (configured, source) = explicitPath is not null
            ? (explicitPath, nameof(AzuriteOptions.ExecutablePath))
            : (fromVariable, AzuriteOptions.ExecutableVariable);
        return Find(configured, source, [Directory.GetCurrentDirectory(), AppContext.BaseDirectory], watchdogScript);
    }

    /// <summary>Finds Azurite at <paramref name="configured"/> when given, else above <paramref name="startDirectories"/>.</summary>
    public static AzuriteLaunch Find(string? configured, string source, IReadOnlyList<string> startDirectories, string watchdogScript)
    {
        string executable;
        if (configured is not null)
        {
            executable = Path.GetFullPath(configured);
            if (!File.Exists(executable))
            {
                throw new FileNotFoundException($"The Azurite executable '{executable}' (from {source}) does not exist.", executable);
            }
        }
        else
        {
            executable = startDirectories.Select(FindAbove).FirstOrDefault(p => p is not null)
                ?? throw new FileNotFoundException(
                    $"Azurite is not installed: no {BinRelativePath} in or above {string.Join(" or ", startDirectories.Select(d => $"'{d}'"))}. "
                    + $"Run `npm install` at the repo root (its package.json pins azurite), or set {AzuriteOptions.ExecutableVariable} to an azurite executable.");
        }

        var script = ScriptBehind(executable);
        var node = script is null ? null : FindOnPath(OperatingSystem.IsWindows() ? "node.exe" : "node");
        return node is not null && script is not null
            ? new AzuriteLaunch(node, ["--require", watchdogScript, script], Watched: true)
            : new AzuriteLaunch(executable, [], Watched: false);
    }

    /// <summary>A start info for these arguments, with every standard stream redirected.</summary>
    public ProcessStartInfo StartInfo(IEnumerable<string> azuriteArguments, string workingDirectory)
    {
        var info = new ProcessStartInfo(FileName)
        {
            UseShellExecute = false,
            CreateNoWindow = true,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in LeadingArguments.Concat(azuriteArguments))
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    private static string? FindAbove(string start)
    {
        for (var directory = new DirectoryInfo(Path.GetFullPath(start)); directory is not null; directory = directory.Parent)
        {
            foreach (var name in _binNames)
            {
                var candidate = Path.Combine(directory.FullName, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    // node_modules/.bin/azurite is a symlink to the package's JavaScript entry point (or, on Windows, a shim beside it).
    private static string? ScriptBehind(string executable)
    {
        var target = File.ResolveLinkTarget(executable, returnFinalTarget: true)?.FullName ?? executable;
        if (target.EndsWith(".js", StringComparison.OrdinalIgnoreCase))
        {
            return target;
        }

        var binDirectory = Path.GetDirectoryName(executable);
        var modules = binDirectory is null ? null : Path.GetDirectoryName(binDirectory);
        if (modules is null || !string.Equals(Path.GetFileName(modules), "node_modules", StringComparison.Ordinal))
        {
            return null;
        }

        var script = Path.Combine(Path.GetDirectoryName(modules)!, ScriptRelativePath);
        return File.Exists(script) ? script : null;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
