using NasFunctions.Evaluator.Data;
using NasFunctions.Orchestration.Spec;

namespace NasFunctions.Orchestration.Tests.Spec;

/// <summary>A temporary data root holding small files, and spec limits that allow only it; deleted on dispose.</summary>
public sealed class DataRootFolder : IDisposable
{
    public DataRootFolder()
    {
        Root = Directory.CreateTempSubdirectory("nas-root-").FullName;
        Outside = Directory.CreateTempSubdirectory("nas-outside-").FullName;
        Limits = new SpecLimits { DataRoots = new DataRoots([Root], 1_000) };
    }

    /// <summary>The root folder (absolute, no links).</summary>
    public string Root { get; }

    /// <summary>A folder outside the root, for files a caller must not reach.</summary>
    public string Outside { get; }

    /// <summary>Limits whose only data root is <see cref="Root"/>, with a 1,000-byte cap.</summary>
    public SpecLimits Limits { get; }

    /// <summary>Writes <paramref name="text"/> to a file below the root (folders made) and returns its full path.</summary>
    public string File(string relative, string text = "a,class\n1,0\n") => Write(Root, relative, text);

    /// <summary>Writes a file outside the root and returns its full path.</summary>
    public string OutsideFile(string relative, string text = "secret,1\n") => Write(Outside, relative, text);

    public void Dispose()
    {
        Directory.Delete(Root, recursive: true);
        Directory.Delete(Outside, recursive: true);
    }

    private static string Write(string folder, string relative, string text)
    {
        string path = Path.Combine(folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text);
        return path;
    }
}
