namespace NasFunctions.Local.Tests;

/// <summary>One host per data folder: the lock, the owner record beside it, and what a stale record means.</summary>
public sealed class DataFolderLockTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nas-folder-lock-").FullName;

    [Fact]
    public void A_second_acquire_is_refused_with_the_holders_pid_and_address()
    {
        using var held = DataFolderLock.Acquire(_folder);
        held.Publish("http://127.0.0.1:7071");

        var refused = Should.Throw<DataFolderInUseException>(() => DataFolderLock.Acquire(_folder));
        refused.Owner.ShouldBe(new DataFolderOwner(Environment.ProcessId, "http://127.0.0.1:7071"));
        refused.Message.ShouldContain("in use by another nas host");
        DataFolderLock.CurrentOwner(_folder).ShouldBe(new DataFolderOwner(Environment.ProcessId, "http://127.0.0.1:7071"));
    }

    [Fact]
    public void A_released_folder_can_be_taken_again_and_has_no_owner()
    {
        DataFolderLock.Acquire(_folder).Dispose();

        DataFolderLock.CurrentOwner(_folder).ShouldBeNull();
        using var again = DataFolderLock.Acquire(_folder);
        again.Folder.ShouldBe(Path.GetFullPath(_folder));
    }

    [Fact]
    public void A_record_left_by_a_killed_host_is_ignored_when_the_lock_is_free()
    {
        File.WriteAllText(Path.Combine(_folder, "nas-host.json"), """{"ProcessId":12345,"BaseUrl":"http://127.0.0.1:1"}""");

        DataFolderLock.CurrentOwner(_folder).ShouldBeNull();
        using var taken = DataFolderLock.Acquire(_folder);
        DataFolderLock.CurrentOwner(_folder)!.ProcessId.ShouldBe(Environment.ProcessId);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
