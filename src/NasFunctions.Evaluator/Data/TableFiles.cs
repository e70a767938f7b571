namespace NasFunctions.Evaluator.Data;

/// <summary>A tabular data set's CSV file(s) as read, before any split: what the data set cache keeps once per location.</summary>
/// <param name="TrainFile">The training file's path, for messages.</param>
/// <param name="FeatureNames">The feature columns, in order.</param>
/// <param name="Classes">The classes of both files.</param>
/// <param name="TrainValues">The training file's features, row-major (rows x features).</param>
/// <param name="TrainLabels">The class index of each training row.</param>
/// <param name="TestValues">The test file's features; null when there is no test file (the test split is carved from the training rows).</param>
/// <param name="TestLabels">The class index of each test row (empty without a test file).</param>
internal sealed record TableFiles(
    string TrainFile,
    IReadOnlyList<string> FeatureNames,
    ClassLabels Classes,
    double[] TrainValues,
    int[] TrainLabels,
    double[]? TestValues,
    int[] TestLabels)
{
    /// <summary>Bytes of values and labels held.</summary>
    public long Bytes => ((TrainValues.LongLength + (TestValues?.LongLength ?? 0)) * sizeof(double)) + ((TrainLabels.LongLength + TestLabels.LongLength) * sizeof(int));
}
