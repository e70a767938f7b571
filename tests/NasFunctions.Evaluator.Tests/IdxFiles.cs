using System.Buffers.Binary;
using System.IO.Compression;

namespace NasFunctions.Evaluator.Tests;

/// <summary>Writes small IDX files (raw or gzipped) for tests.</summary>
internal static class IdxFiles
{
    public static byte[] Images(int count, int height, int width, Func<int, byte>? pixel = null, int magic = 2051)
    {
        var bytes = new byte[16 + (count * height * width)];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), count);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), height);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(12), width);
        for (var i = 16; i < bytes.Length; i++)
        {
            bytes[i] = pixel?.Invoke(i - 16) ?? (byte)((i * 7) % 256);
        }

        return bytes;
    }

    public static byte[] Labels(int count, int classes = 10, int magic = 2049)
    {
        var bytes = new byte[8 + count];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), count);
        for (var i = 0; i < count; i++)
        {
            bytes[8 + i] = (byte)(i % classes);
        }

        return bytes;
    }

    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    /// <summary>A folder with the four MNIST-layout files: <paramref name="trainCount"/> and <paramref name="testCount"/> 4x4 images.</summary>
    public static void WriteDataSet(string folder, int trainCount, int testCount, bool gzip)
    {
        Directory.CreateDirectory(folder);
        void Write(string name, byte[] bytes) =>
            File.WriteAllBytes(Path.Combine(folder, gzip ? name + ".gz" : name), gzip ? Gzip(bytes) : bytes);
        Write("train-images-idx3-ubyte", Images(trainCount, 4, 4, i => (byte)(i / 16)));
        Write("train-labels-idx1-ubyte", Labels(trainCount));
        Write("t10k-images-idx3-ubyte", Images(testCount, 4, 4));
        Write("t10k-labels-idx1-ubyte", Labels(testCount));
    }
}
