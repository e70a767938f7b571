using NasFunctions.Evaluator.Data;
using NasFunctions.Evaluator.Models;
using NasFunctions.Evaluator.Training;

namespace NasFunctions.Evaluator.Tests.Models;

/// <summary>Small random data sets of each kind, for build-and-step tests.</summary>
internal static class TinyData
{
    public static TrainingData Images(int channels, int side, int count = 8, int classes = 10)
    {
        var random = new Random(1);
        var pixels = new byte[count * channels * side * side];
        random.NextBytes(pixels);
        var labels = Enumerable.Range(0, count).Select(i => (byte)(i % classes)).ToArray();
        var images = new LabeledImages(channels, side, side, pixels, labels);
        var batches = new ImageBatches(images, ImageNormalization.Measure(images));
        return new TrainingData("tiny-images", DataShape.Image(channels, side, side, classes), batches, batches, batches);
    }

    public static TrainingData Features(int features, int count = 8, int classes = 3)
    {
        var random = new Random(2);
        var values = Enumerable.Range(0, count * features).Select(_ => (float)random.NextDouble()).ToArray();
        var split = new TabularSplit(features, values, [.. Enumerable.Range(0, count).Select(i => i % classes)]);
        var batches = new TabularBatches(split);
        return new TrainingData("tiny-table", DataShape.Tabular(features, classes), batches, batches, batches);
    }

    public static TrainingData Tokens(int length, int vocabulary, int count = 8)
    {
        var random = new Random(3);
        var ids = new int[count * length];
        for (var i = 0; i < count; i++)
        {
            var real = 1 + (i % length); // varied lengths, padded with 0 at the end
            for (var t = 0; t < real; t++)
            {
                ids[(i * length) + t] = random.Next(1, vocabulary);
            }
        }

        var batches = new TextBatches(new TextSplit(length, ids, [.. Enumerable.Range(0, count).Select(i => i % 2)]));
        return new TrainingData("tiny-text", DataShape.Text(length, vocabulary, 2), batches, batches, batches);
    }

    /// <summary>One batch of all eight samples: exactly one optimizer step; one timed latency run.</summary>
    public static TrainingOptions OneStep { get; } = new() { Threads = 1, BatchSize = 8, LatencyWarmups = 0, LatencyRepeats = 1 };
}
