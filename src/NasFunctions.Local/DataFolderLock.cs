using System.Text.Json;

namespace NasFunctions.Local;

/// <summary>
/// One host per data folder: an exclusive lock on a file in the folder, held while the host runs and released by the
/// operating system however the host ends; beside it, which process holds it and where its HTTP API listens.
/// </summary>
public sealed class DataFolderLock : IDisposable
{
    private const string LockFileName = "nas-host.lock";
    private const string OwnerFileName = "nas-host.json";

    private readonly FileStream _lock;
    private readonly string _ownerPath;

    private DataFolderLock(FileStream held, string folder)
    {
        _lock = held;
        Folder = folder;
        _ownerPath = Path.Combine(folder, OwnerFileName);
    }

    /// <summary>The folder this lock holds.</summary>
    public string Folder { get; }

    /// <summary>Takes the folder's lock; throws <see cref="DataFolderInUseException"/> when another host holds it.</summary>
    public static DataFolderLock Acquire(string folder)
    {
        folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(folder);
        if (TryAcquire(folder) is { } held)
        {
            var folderLock = new DataFolderLock(held, folder);
            folderLock.WriteOwner(null);
            return folderLock;
        }

        throw new DataFolderInUseException(folder, ReadOwner(folder));
    }

    /// <summary>The host that holds <paramref name="folder"/> now, or null when none does (a stale record is ignored).</summary>
    public static DataFolderOwner? CurrentOwner(string folder)
    {
        folder = Path.GetFullPath(folder);
        if (!Directory.Exists(folder))
        {
            return null;
        }

        using var free = TryAcquire(folder);
        return free is null ? ReadOwner(folder) ?? new DataFolderOwner(0, null) : null;
    }

    /// <summary>Records where the holder's HTTP API listens, for other commands on this folder.</summary>
    public void Publish(string baseUrl) => WriteOwner(baseUrl);

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            File.Delete(_ownerPath);
        }
        catch (IOException)
        {
            // A stale record is ignored by the next reader, since the lock is free.
        }

        _lock.Dispose();
    }

    // FileShare.None takes an exclusive advisory lock (flock on Unix); the kernel drops it when the process dies.
    private static FileStream? TryAcquire(string folder)
    {
        try
        {
            return new FileStream(Path.Combine(folder, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static DataFolderOwner? ReadOwner(string folder)
    {
        try
        {
            return JsonSerializer.Deserialize<DataFolderOwner>(File.ReadAllText(Path.Combine(folder, OwnerFileName)));
        }
        catch (Exception exception) when (exception is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private void WriteOwner(string? baseUrl)
    {
        var temporary = _ownerPath + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(new DataFolderOwner(Environment.ProcessId, baseUrl)));
        File.Move(temporary, _ownerPath, overwrite: true);
    }
}

/// <summary>The host that holds a data folder: its process id and, once it listens, its HTTP API's address.</summary>
/// <param name="ProcessId">The holding process (0 when it has not said yet).</param>
/// <param name="BaseUrl">Where its HTTP API listens; null while it starts.</param>
public sealed record DataFolderOwner(int ProcessId, string? BaseUrl);

/// <summary>Another host holds the data folder.</summary>
public sealed class DataFolderInUseException(string folder, DataFolderOwner? owner) : IOException(
    $"The data folder '{folder}' is in use by another nas host"
    + (owner is { ProcessId: > 0 } ? $" (pid {owner.ProcessId}{(owner.BaseUrl is null ? "" : ", " + owner.BaseUrl)})" : "")
    + ": only one host may own it. Stop that one, or talk to it over HTTP.")
{
    /// <summary>The host that holds the folder, when it said.</summary>
    public DataFolderOwner? Owner { get; } = owner;
}
