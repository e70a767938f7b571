using NasFunctions.Evaluator.Data;

namespace NasFunctions.Evaluator.Tests.Data;

public sealed class DataRootsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("nas-root-").FullName;
    private readonly string _outside = Directory.CreateTempSubdirectory("nas-outside-").FullName;

    [Fact]
    public void A_file_or_folder_inside_a_root_may_be_read()
    {
        string file = Write(_root, "tables/wine.csv");
        var roots = new DataRoots([_root], 1_000);

        roots.Problem(file).ShouldBeNull();
        roots.Problem(Path.GetDirectoryName(file)!).ShouldBeNull();
        roots.Resolve(file).ShouldBe(file);
    }

    [Fact]
    public void Outside_the_roots_the_answer_is_the_same_whether_the_file_exists_or_not()
    {
        string secret = Write(_outside, "shadow");
        var roots = new DataRoots([_root], 1_000);

        string?[] answers =
        [
            roots.Problem(secret),
            roots.Problem(Path.Combine(_outside, "missing")),
            roots.Problem("/etc/shadow"),
            roots.Problem("/etc/no-such-file"),
            roots.Problem(_root + "/../" + Path.GetFileName(_outside) + "/shadow"),
            roots.Problem("relative/wine.csv"),
            roots.Problem(_root + "/a\0b"),
        ];

        answers.ShouldAllBe(a => a == DataRoots.OutsideMessage);
        Should.Throw<UnauthorizedAccessException>(() => roots.Resolve(secret)).Message.ShouldNotContain(_outside);
    }

    [Fact]
    public void A_link_inside_a_root_that_leads_out_is_refused_and_one_that_stays_in_is_followed()
    {
        string secret = Write(_outside, "shadow");
        string inside = Write(_root, "real/wine.csv");
        File.CreateSymbolicLink(Path.Combine(_root, "leak.csv"), secret);
        Directory.CreateSymbolicLink(Path.Combine(_root, "leakdir"), _outside);
        File.CreateSymbolicLink(Path.Combine(_root, "alias.csv"), "real/wine.csv");
        var roots = new DataRoots([_root], 1_000);

        roots.Problem(Path.Combine(_root, "leak.csv")).ShouldBe(DataRoots.OutsideMessage);
        roots.Problem(Path.Combine(_root, "leakdir", "shadow")).ShouldBe(DataRoots.OutsideMessage);
        roots.Problem(Path.Combine(_root, "leakdir", "missing")).ShouldBe(DataRoots.OutsideMessage);
        roots.Resolve(Path.Combine(_root, "alias.csv")).ShouldBe(inside);
    }

    [Fact]
    public void A_folder_holding_a_link_that_leads_out_is_refused()
    {
        Write(_root, "set/train.csv");
        File.CreateSymbolicLink(Path.Combine(_root, "set", "test.csv"), Write(_outside, "shadow"));
        var roots = new DataRoots([_root], 1_000);

        roots.Problem(Path.Combine(_root, "set"))!.ShouldContain("link that leads outside");
    }

    [Fact]
    public void A_root_reached_through_a_link_holds_what_the_link_points_to()
    {
        string file = Write(_root, "wine.csv");
        string link = Path.Combine(_outside, "data");
        Directory.CreateSymbolicLink(link, _root);
        var roots = new DataRoots([link], 1_000);

        roots.Problem(Path.Combine(link, "wine.csv")).ShouldBeNull();
        roots.Problem(file).ShouldBeNull();
    }

    [Fact]
    public void Only_regular_files_within_the_cap_are_read()
    {
        Write(_root, "empty.csv", "");
        Write(_root, "big.csv", new string('x', 2_000));
        Write(_root, "two/a.csv", new string('x', 600));
        Write(_root, "two/b.csv", new string('x', 600));
        var roots = new DataRoots([_root], 1_000);

        roots.Problem(Path.Combine(_root, "empty.csv"))!.ShouldContain("not a regular file");
        roots.Problem(Path.Combine(_root, "big.csv"))!.ShouldContain("cap of 1000 bytes");
        roots.Problem(Path.Combine(_root, "two"))!.ShouldContain("cap of 1000 bytes");
        roots.Problem(Path.Combine(_root, "missing.csv"))!.ShouldContain("names nothing that exists");
        new DataRoots(["/dev"], 1_000).Problem("/dev/zero")!.ShouldContain("not a regular file");
        new DataRoots(["/proc"], 1_000).Problem("/proc/self/environ")!.ShouldContain("not a regular file");
    }

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        Directory.Delete(_outside, recursive: true);
    }

    private static string Write(string folder, string relative, string text = "a,class\n1,0\n")
    {
        string path = Path.Combine(folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}

/// <summary>The data source checks a caller's path again when a trial loads it.</summary>
public sealed class RootedDatasetSourceTests
{
    [Fact]
    public void A_path_outside_the_roots_is_refused_at_load_time_and_no_path_means_the_default_folder()
    {
        string root = Directory.CreateTempSubdirectory("nas-root-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(root, "wine.csv"), "a,class\n1,0\n");
            var source = new RootedDatasetSource(new DataRoots([root], 1_000));

            source.GetLocalPath(new DatasetOptions { Name = "csv", Path = Path.Combine(root, "wine.csv") }).ShouldBe(Path.Combine(root, "wine.csv"));
            Should.Throw<UnauthorizedAccessException>(() => source.GetLocalPath(new DatasetOptions { Name = "csv", Path = "/etc/passwd" }));
            source.GetLocalPath(new DatasetOptions()).ShouldBe(DatasetOptions.FashionMnistFolder);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
