using NasFunctions.Evaluator.Data;

namespace NasFunctions.Evaluator.Tests;

public sealed class IdxReaderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void Gzipped_and_raw_files_read_the_same_whatever_their_names()
    {
        var images = IdxFiles.Images(5, 3, 2);
        var labels = IdxFiles.Labels(5);
        File.WriteAllBytes(_folder.File("raw-images"), images);
        File.WriteAllBytes(_folder.File("raw-labels.gz"), labels); // a misleading name: compression is sniffed, not guessed
        File.WriteAllBytes(_folder.File("gz-images"), IdxFiles.Gzip(images));
        File.WriteAllBytes(_folder.File("gz-labels"), IdxFiles.Gzip(labels));

        var raw = IdxReader.ReadLabeledImages(_folder.File("raw-images"), _folder.File("raw-labels.gz"));
        var gzipped = IdxReader.ReadLabeledImages(_folder.File("gz-images"), _folder.File("gz-labels"));

        raw.Count.ShouldBe(5);
        (raw.Height, raw.Width).ShouldBe((3, 2));
        raw.Pixels.ShouldBe(images[16..]);
        raw.Labels.ShouldBe(labels[8..]);
        gzipped.Pixels.ShouldBe(raw.Pixels);
        gzipped.Labels.ShouldBe(raw.Labels);
    }

    [Fact]
    public void A_wrong_magic_number_is_named_with_the_file()
    {
        var path = _folder.File("labels-as-images");
        File.WriteAllBytes(path, IdxFiles.Labels(4));

        var error = Should.Throw<InvalidDataException>(() => IdxReader.ReadImages(path));

        error.Message.ShouldContain(path);
        error.Message.ShouldContain("2049");
        error.Message.ShouldContain("2051");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_truncated_file_is_named_with_the_file(bool gzip)
    {
        var path = _folder.File("short");
        var bytes = IdxFiles.Images(10, 4, 4)[..100];
        File.WriteAllBytes(path, gzip ? IdxFiles.Gzip(bytes) : bytes);

        var error = Should.Throw<InvalidDataException>(() => IdxReader.ReadImages(path));

        error.Message.ShouldContain(path);
        error.Message.ShouldContain("truncated");
    }

    [Fact]
    public void A_file_shorter_than_its_header_is_truncated()
    {
        var path = _folder.File("tiny");
        File.WriteAllBytes(path, [0, 0, 8]);

        Should.Throw<InvalidDataException>(() => IdxReader.ReadLabels(path)).Message.ShouldContain("truncated");
    }

    [Fact]
    public void A_broken_gzip_stream_is_named_with_the_file()
    {
        var path = _folder.File("broken.gz");
        File.WriteAllBytes(path, IdxFiles.Gzip(IdxFiles.Images(10, 4, 4))[..30]);

        Should.Throw<InvalidDataException>(() => IdxReader.ReadImages(path)).Message.ShouldContain(path);
    }

    [Fact]
    public void Label_and_image_counts_must_match()
    {
        File.WriteAllBytes(_folder.File("images"), IdxFiles.Images(6, 2, 2));
        File.WriteAllBytes(_folder.File("labels"), IdxFiles.Labels(5));

        var error = Should.Throw<InvalidDataException>(
            () => IdxReader.ReadLabeledImages(_folder.File("images"), _folder.File("labels")));

        error.Message.ShouldContain(_folder.File("labels"));
        error.Message.ShouldContain("5 labels");
        error.Message.ShouldContain("6 images");
    }

    public void Dispose() => _folder.Dispose();
}
