namespace NasFunctions.Evaluator.Data;

/// <summary>An image data set's files as read, before any split: what the data set cache keeps once per location.</summary>
/// <param name="Train">Every image of the training file(s).</param>
/// <param name="Test">Every image of the test file(s).</param>
/// <param name="Classes">Number of classes.</param>
internal sealed record ImageFiles(LabeledImages Train, LabeledImages Test, int Classes)
{
    /// <summary>Bytes of pixels and labels held.</summary>
    public long Bytes => Train.OwnPixelBytes + Train.Count + Test.OwnPixelBytes + Test.Count;
}
