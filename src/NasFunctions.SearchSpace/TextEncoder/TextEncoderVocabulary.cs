namespace NasFunctions.SearchSpace.TextEncoder;

/// <summary>The layer and pooling names a text-encoder space may allow.</summary>
public static class TextEncoderVocabulary
{
    /// <summary>Every known layer operation.</summary>
    public static IReadOnlyList<string> Layers { get; } = ["conv3", "conv5", "conv7", "lstm", "gru", "attention"];

    /// <summary>Every known pooling.</summary>
    public static IReadOnlyList<string> Pooling { get; } = ["mean", "max", "last"];
}
