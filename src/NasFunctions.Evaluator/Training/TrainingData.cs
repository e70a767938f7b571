using NasFunctions.Evaluator.Data;
using NasFunctions.Evaluator.Models;

namespace NasFunctions.Evaluator.Training;

/// <summary>A classification data set as the trainer sees it: its name, sample shape and class count, and batches of each split.</summary>
/// <param name="Name">The data set's name, for messages.</param>
/// <param name="Shape">One sample's shape, the class count and (for text) the vocabulary size.</param>
/// <param name="Train">The training split.</param>
/// <param name="Validation">The validation split (the fitness).</param>
/// <param name="Test">The test split (reported only).</param>
public sealed record TrainingData(string Name, DataShape Shape, IBatchSource Train, IBatchSource Validation, IBatchSource Test)
{
    /// <summary>An image data set: (C, H, W) float inputs, normalized per channel.</summary>
    public static TrainingData From(ImageDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new TrainingData(
            data.Name,
            DataShape.Image(data.Channels, data.Height, data.Width, data.Classes),
            new ImageBatches(data.Train, data.Normalization),
            new ImageBatches(data.Validation, data.Normalization),
            new ImageBatches(data.Test, data.Normalization));
    }

    /// <summary>A tabular data set: (F) standardized float features.</summary>
    public static TrainingData From(TabularDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new TrainingData(
            data.Name,
            DataShape.Tabular(data.FeatureCount, data.Classes),
            new TabularBatches(data.Train),
            new TabularBatches(data.Validation),
            new TabularBatches(data.Test));
    }

    /// <summary>A text data set: (L) int64 token ids over its vocabulary.</summary>
    public static TrainingData From(TextDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new TrainingData(
            data.Name,
            DataShape.Text(data.MaxLength, data.Vocabulary.Count, data.Classes),
            new TextBatches(data.Train),
            new TextBatches(data.Validation),
            new TextBatches(data.Test));
    }
}
