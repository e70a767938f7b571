using System.Globalization;

namespace NasFunctions.Evaluator.Data;

/// <summary>A tabular classification data set from CSV, standardized by its train split, split into train, validation and test.</summary>
public sealed class TabularDataset
{
    /// <summary>Creates a data set from splits already in memory.</summary>
    public TabularDataset(
        string name,
        TabularSplit train,
        TabularSplit validation,
        TabularSplit test,
        IReadOnlyList<string> featureNames,
        IReadOnlyList<string> classNames,
        FeatureStandardization standardization)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(classNames);
        ArgumentNullException.ThrowIfNull(standardization);
        if (classNames.Count < 2)
        {
            throw new ArgumentException($"A classification data set needs at least two classes (has {classNames.Count}).", nameof(classNames));
        }

        if (validation.FeatureCount != train.FeatureCount || test.FeatureCount != train.FeatureCount || featureNames.Count != train.FeatureCount)
        {
            throw new ArgumentException("Train, validation and test must all have the same features.");
        }

        Name = name;
        Train = train;
        Validation = validation;
        Test = test;
        FeatureNames = featureNames;
        ClassNames = classNames;
        Standardization = standardization;
    }

    /// <summary>The data set's name.</summary>
    public string Name { get; }

    /// <summary>The training split (standardized by its own statistics).</summary>
    public TabularSplit Train { get; }

    /// <summary>The validation split, drawn from the training rows by a seeded shuffle.</summary>
    public TabularSplit Validation { get; }

    /// <summary>The test split: the test file's rows, or a seeded share of the one file's rows.</summary>
    public TabularSplit Test { get; }

    /// <summary>The feature columns' names, in order.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Features per row.</summary>
    public int FeatureCount => Train.FeatureCount;

    /// <summary>The class names, by class index (integers in numeric order, else texts in ordinal order).</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Number of classes; labels run from 0 to Classes - 1.</summary>
    public int Classes => ClassNames.Count;

    /// <summary>The per-feature mean and deviation measured on the train split and applied to every split.</summary>
    public FeatureStandardization Standardization { get; }

    /// <summary>
    /// Loads a CSV with a header row: the column <see cref="DatasetOptions.LabelColumn"/> holds each row's class (integers or
    /// texts), every other column is a numeric feature. Splits by seed, then standardizes every split by the train split's figures.
    /// </summary>
    /// <param name="options">Which file, which label column, and how to split.</param>
    /// <param name="source">Where its files come from; null (default): the local path the options name.</param>
    /// <exception cref="ArgumentException">The options are invalid (every problem is listed), or name no CSV data set.</exception>
    /// <exception cref="FileNotFoundException">The file (or train.csv in the folder) is missing.</exception>
    /// <exception cref="InvalidDataException">
    /// The file is empty or malformed: no label column, a ragged row, a value that is not a number (its line and column are named),
    /// an empty label, fewer than two classes, or a class with no rows in the train split.
    /// </exception>
    public static TabularDataset Load(DatasetOptions options, IDatasetSource? source = null) => Split(ReadFiles(options, source), options);

    /// <summary>The CSV file(s) the options name, read whole into raw values and class indices, not yet split or standardized.</summary>
    internal static TableFiles ReadFiles(DatasetOptions options, IDatasetSource? source)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        if (options.Kind != DatasetKind.Csv)
        {
            throw new ArgumentException($"Data set '{options.Name}' is not a tabular CSV data set (its name must be 'csv').", nameof(options));
        }

        var path = (source ?? LocalDatasetSource.Instance).GetLocalPath(options);
        var (trainFile, testFile) = DatasetFiles.FindCsv(path, options.Name);
        var trainTable = CsvTable.Read(trainFile);
        var labelColumn = trainTable.ColumnIndex(options.LabelColumn, "label");
        var featureColumns = Enumerable.Range(0, trainTable.Columns.Count).Where(c => c != labelColumn).ToArray();
        if (featureColumns.Length == 0)
        {
            throw new InvalidDataException($"'{trainFile}' has only the label column '{options.LabelColumn}'; it needs at least one feature column.");
        }

        var testTable = testFile is null ? null : CsvTable.Read(testFile);
        if (testTable is not null && !testTable.Columns.SequenceEqual(trainTable.Columns))
        {
            throw new InvalidDataException(
                $"'{testFile}' has the columns {string.Join(", ", testTable.Columns)} but '{trainFile}' has {string.Join(", ", trainTable.Columns)}; they must match.");
        }

        var (trainValues, trainLabels) = ReadRows(trainTable, labelColumn, featureColumns);
        var (testValues, testLabels) = testTable is null
            ? (Array.Empty<double>(), Array.Empty<string>())
            : ReadRows(testTable, labelColumn, featureColumns);
        var classes = ClassLabels.FromLabels(trainLabels.Concat(testLabels));
        if (classes.Names.Count < 2)
        {
            throw new InvalidDataException(
                $"'{trainFile}' has only one class ('{classes.Names[0]}') in column '{trainTable.Columns[labelColumn]}'; classification needs two or more.");
        }

        return new TableFiles(
            trainFile,
            featureColumns.Select(c => trainTable.Columns[c]).ToArray(),
            classes,
            trainValues,
            trainLabels.Select(classes.IndexOf).ToArray(),
            testTable is null ? null : testValues,
            testLabels.Select(classes.IndexOf).ToArray());
    }

    /// <summary>
    /// Splits read files by the options' seed and fractions, standardized by the train split's figures: every split is a view
    /// of the files' raw values (only the row indices and the labels are its own).
    /// </summary>
    internal static TabularDataset Split(TableFiles files, DatasetOptions options)
    {
        var splits = files.TestValues is null
            ? SplitIndices.Carve(files.TrainLabels.Length, options.ValidationFraction, options.TestFraction, options.Seed)
            : SplitIndices.CarveValidation(files.TrainLabels.Length, files.TestLabels.Length, options.ValidationFraction, options.Seed);
        files.Classes.CheckEveryClassTrains(files.TrainFile, splits.Train.Select(i => files.TrainLabels[i]), options.Seed);

        var width = files.FeatureNames.Count;
        var standardization = FeatureStandardization.Measure(Gather(files.TrainValues, width, splits.Train), width);
        TabularSplit View(double[] values, int[] labels, int[] rows) =>
            new(width, values, rows, rows.Select(r => labels[r]).ToArray(), standardization);

        return new TabularDataset(
            options.Name,
            View(files.TrainValues, files.TrainLabels, splits.Train),
            View(files.TrainValues, files.TrainLabels, splits.Validation),
            files.TestValues is null ? View(files.TrainValues, files.TrainLabels, splits.Test) : View(files.TestValues, files.TestLabels, splits.Test),
            files.FeatureNames,
            files.Classes.Names,
            standardization);
    }

    /// <summary>A smaller view: the first rows of each split (the train and validation splits are already shuffled).</summary>
    public TabularDataset Take(int trainCount, int validationCount, int testCount) =>
        new(Name, Train.Take(trainCount), Validation.Take(validationCount), Test.Take(testCount), FeatureNames, ClassNames, Standardization);

    private static (double[] Values, string[] Labels) ReadRows(CsvTable table, int labelColumn, int[] featureColumns)
    {
        var values = new double[table.Rows.Count * featureColumns.Length];
        var labels = new string[table.Rows.Count];
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            labels[r] = row.Fields[labelColumn].Trim();
            if (labels[r].Length == 0)
            {
                throw new InvalidDataException($"'{table.Path}' line {row.Line} (row {r + 1}): the label column '{table.Columns[labelColumn]}' is empty.");
            }

            for (var f = 0; f < featureColumns.Length; f++)
            {
                var text = row.Fields[featureColumns[f]];
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
                {
                    throw new InvalidDataException(
                        $"'{table.Path}' line {row.Line} (row {r + 1}), column '{table.Columns[featureColumns[f]]}': '{text}' is not a " +
                        "finite number; every column but the label must be numeric.");
                }

                values[(r * featureColumns.Length) + f] = value;
            }
        }

        return (values, labels);
    }

    private static double[] Gather(double[] values, int width, int[] rows)
    {
        var result = new double[rows.Length * width];
        for (var i = 0; i < rows.Length; i++)
        {
            Array.Copy(values, rows[i] * width, result, i * width, width);
        }

        return result;
    }
}
