using System.Buffers.Binary;
using System.IO.Compression;

namespace NasFunctions.Evaluator.Data;

/// <summary>Reads IDX files (the MNIST layout), gzipped or raw: images (magic 2051) and labels (magic 2049).</summary>
/// <remarks>Compression is detected from the gzip header (0x1f 0x8b), not from the file name.</remarks>
public static class IdxReader
{
    /// <summary>Magic number of an unsigned-byte, three-dimensional IDX file (images).</summary>
    public const int ImagesMagic = 2051;

    /// <summary>Magic number of an unsigned-byte, one-dimensional IDX file (labels).</summary>
    public const int LabelsMagic = 2049;

    /// <summary>Reads an images file and its labels file and checks that they hold the same number of items.</summary>
    public static LabeledImages ReadLabeledImages(string imagesPath, string labelsPath)
    {
        var (count, height, width, pixels) = ReadImages(imagesPath);
        var labels = ReadLabels(labelsPath);
        if (labels.Length != count)
        {
            throw new InvalidDataException(
                $"'{labelsPath}' holds {labels.Length} labels but '{imagesPath}' holds {count} images; they must match.");
        }

        return new LabeledImages(height, width, pixels, labels);
    }

    /// <summary>Reads an images file: the image count, height, width and the pixels, row-major, one byte each.</summary>
    public static (int Count, int Height, int Width, byte[] Pixels) ReadImages(string path)
    {
        var bytes = ReadAllBytes(path);
        var header = ReadHeader(bytes, path, ImagesMagic, dimensions: 3);
        var (count, height, width) = (header[0], header[1], header[2]);
        var pixels = ReadBody(bytes, path, 16, (long)count * height * width);
        return (count, height, width, pixels);
    }

    /// <summary>Reads a labels file: one byte per item.</summary>
    public static byte[] ReadLabels(string path)
    {
        var bytes = ReadAllBytes(path);
        var header = ReadHeader(bytes, path, LabelsMagic, dimensions: 1);
        return ReadBody(bytes, path, 8, header[0]);
    }

    private static byte[] ReadAllBytes(string path)
    {
        var raw = File.ReadAllBytes(path);
        if (raw.Length < 2 || raw[0] != 0x1f || raw[1] != 0x8b)
        {
            return raw;
        }

        try
        {
            using var gzip = new GZipStream(new MemoryStream(raw), CompressionMode.Decompress);
            using var output = new MemoryStream();
            gzip.CopyTo(output);
            return output.ToArray();
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException)
        {
            throw new InvalidDataException($"'{path}' starts like a gzip file but cannot be decompressed: {e.Message}", e);
        }
    }

    private static int[] ReadHeader(byte[] bytes, string path, int expectedMagic, int dimensions)
    {
        var headerLength = 4 + (4 * dimensions);
        if (bytes.Length >= 4 && BinaryPrimitives.ReadInt32BigEndian(bytes) is var magic && magic != expectedMagic)
        {
            throw new InvalidDataException(
                $"'{path}' has IDX magic number {magic}; expected {expectedMagic} ({Describe(expectedMagic)}).");
        }

        if (bytes.Length < headerLength)
        {
            throw new InvalidDataException(
                $"'{path}' is truncated: {bytes.Length} bytes, shorter than the {headerLength}-byte IDX header.");
        }

        var sizes = new int[dimensions];
        for (var i = 0; i < dimensions; i++)
        {
            sizes[i] = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4 + (4 * i)));
            if (sizes[i] < 0)
            {
                throw new InvalidDataException($"'{path}' has a negative size ({sizes[i]}) in dimension {i} of its IDX header.");
            }
        }

        return sizes;
    }

    private static byte[] ReadBody(byte[] bytes, string path, int offset, long length)
    {
        var available = bytes.Length - offset;
        if (available < length)
        {
            throw new InvalidDataException(
                $"'{path}' is truncated: its header announces {length} data bytes but only {available} follow.");
        }

        return bytes.AsSpan(offset, checked((int)length)).ToArray();
    }

    private static string Describe(int magic) => magic == ImagesMagic ? "an idx3-ubyte images file" : "an idx1-ubyte labels file";
}
