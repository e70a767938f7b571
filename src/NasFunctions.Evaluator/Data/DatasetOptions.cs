namespace NasFunctions.Evaluator.Data;

/// <summary>Which image data set to load, from where, and how to carve the validation split out of its training set.</summary>
public sealed class DatasetOptions
{
    /// <summary>Folder Debian's <c>dataset-fashion-mnist</c> package installs the gzipped Fashion-MNIST IDX files into.</summary>
    public const string FashionMnistFolder = "/usr/share/datasets/fashion-mnist";

    /// <summary>The data set: "fashion-mnist" (default; the default folder works), "mnist", or any name with a <see cref="Path"/>.</summary>
    public string Name { get; set; } = "fashion-mnist";

    /// <summary>Folder holding the four IDX files; null (default) means the data set's default folder.</summary>
    public string? Path { get; set; }

    /// <summary>Fraction of the training set held out as the validation split; default 0.1.</summary>
    public double ValidationFraction { get; set; } = 0.1;

    /// <summary>Seed of the shuffle that picks the validation split; default 0.</summary>
    public int Seed { get; set; }

    /// <summary>Every problem with these options; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            errors.Add("Name must not be empty.");
        }
        else if (Path is null && DefaultFolder(Name) is null)
        {
            errors.Add($"Path is required for data set '{Name}'; only 'fashion-mnist' has a default folder ({FashionMnistFolder}).");
        }

        if (Path is not null && string.IsNullOrWhiteSpace(Path))
        {
            errors.Add("Path must be null (the default folder) or a folder name, not blank.");
        }

        if (double.IsNaN(ValidationFraction) || ValidationFraction <= 0 || ValidationFraction >= 1)
        {
            errors.Add($"ValidationFraction must be greater than 0 and less than 1 (was {ValidationFraction}).");
        }

        return errors;
    }

    /// <summary>The folder to read: <see cref="Path"/>, or the data set's default folder.</summary>
    public string ResolveFolder() => System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(
        Path ?? DefaultFolder(Name) ?? throw new InvalidOperationException($"Data set '{Name}' has no default folder; set Path.")));

    private static string? DefaultFolder(string name) =>
        string.Equals(name, "fashion-mnist", StringComparison.OrdinalIgnoreCase) ? FashionMnistFolder : null;
}
