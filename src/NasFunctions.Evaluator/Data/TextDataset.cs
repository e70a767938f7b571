namespace NasFunctions.Evaluator.Data;

/// <summary>A text classification data set: fixed-length token id sequences over a train-split vocabulary, split three ways.</summary>
public sealed class TextDataset
{
    /// <summary>Creates a data set from splits already in memory.</summary>
    public TextDataset(
        string name, TextSplit train, TextSplit validation, TextSplit test, Vocabulary vocabulary, IReadOnlyList<string> classNames)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(classNames);
        if (classNames.Count < 2)
        {
            throw new ArgumentException($"A classification data set needs at least two classes (has {classNames.Count}).", nameof(classNames));
        }

        if (validation.Length != train.Length || test.Length != train.Length)
        {
            throw new ArgumentException("Train, validation and test sequences must all have the same length.");
        }

        Name = name;
        Train = train;
        Validation = validation;
        Test = test;
        Vocabulary = vocabulary;
        ClassNames = classNames;
    }

    /// <summary>The data set's name.</summary>
    public string Name { get; }

    /// <summary>The training split; the vocabulary was built from its texts only.</summary>
    public TextSplit Train { get; }

    /// <summary>The validation split, drawn from the training texts by a seeded shuffle.</summary>
    public TextSplit Validation { get; }

    /// <summary>The test split: the test file's texts, or a seeded share of the one file's (or corpus's) texts.</summary>
    public TextSplit Test { get; }

    /// <summary>The token ids, built from the train split.</summary>
    public Vocabulary Vocabulary { get; }

    /// <summary>The class names, by class index (integers in numeric order, else texts in ordinal order).</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Number of classes; labels run from 0 to Classes - 1.</summary>
    public int Classes => ClassNames.Count;

    /// <summary>Tokens per sequence.</summary>
    public int MaxLength => Train.Length;

    /// <summary>
    /// Loads a text data set: "text-csv" (a CSV with a header; columns <see cref="DatasetOptions.TextColumn"/> and
    /// <see cref="DatasetOptions.LabelColumn"/>; RFC 4180 quoting) or "spam-assassin" (the npm package's corpus, labelled ham or
    /// spam). Splits by seed, builds the vocabulary from the train split's texts, and encodes every text with
    /// <see cref="TextTokenizer"/> into <see cref="DatasetOptions.MaxLength"/> ids (truncated, or padded with <c>&lt;pad&gt;</c>).
    /// </summary>
    /// <param name="options">Which data set, how to split and how to encode it.</param>
    /// <param name="source">Where its files come from; null (default): the local path the options name.</param>
    /// <exception cref="ArgumentException">The options are invalid (every problem is listed), or name no text data set.</exception>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="InvalidDataException">
    /// A file is empty or malformed: a missing column, a ragged row, a bad quote, an empty label, fewer than two classes, or a
    /// class with no rows in the train split.
    /// </exception>
    public static TextDataset Load(DatasetOptions options, IDatasetSource? source = null) => Split(ReadFiles(options, source), options);

    /// <summary>The texts the options name, read whole with their classes, not yet split or encoded.</summary>
    internal static TextFiles ReadFiles(DatasetOptions options, IDatasetSource? source)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        if (options.Kind is not (DatasetKind.TextCsv or DatasetKind.SpamAssassin))
        {
            throw new ArgumentException(
                $"Data set '{options.Name}' is not a text data set (its name must be 'text-csv' or 'spam-assassin').", nameof(options));
        }

        var path = (source ?? LocalDatasetSource.Instance).GetLocalPath(options);
        var (trainTexts, testTexts, file) = options.Kind == DatasetKind.TextCsv
            ? ReadCsv(path, options)
            : (SpamAssassinReader.ReadFolder(path), null, Path.Combine(path, SpamAssassinReader.FileList));
        var classes = ClassLabels.FromLabels(trainTexts.Concat(testTexts ?? []).Select(t => t.Label));
        if (classes.Names.Count < 2)
        {
            throw new InvalidDataException($"'{file}' has only one class ('{classes.Names[0]}'); classification needs two or more.");
        }

        return new TextFiles(file, classes, trainTexts, testTexts);
    }

    /// <summary>Splits read texts by the options' seed and fractions, builds the vocabulary from the train split and encodes every split.</summary>
    internal static TextDataset Split(TextFiles files, DatasetOptions options)
    {
        var (trainTexts, testTexts, classes) = (files.Train, files.Test, files.Classes);
        var splits = testTexts is null
            ? SplitIndices.Carve(trainTexts.Count, options.ValidationFraction, options.TestFraction, options.Seed)
            : SplitIndices.CarveValidation(trainTexts.Count, testTexts.Count, options.ValidationFraction, options.Seed);
        var labels = trainTexts.Select(t => classes.IndexOf(t.Label)).ToArray();
        classes.CheckEveryClassTrains(files.File, splits.Train.Select(i => labels[i]), options.Seed);

        var vocabulary = Vocabulary.Build(
            splits.Train.Select(i => TextTokenizer.Tokenize(trainTexts[i].Text)), options.MaxVocabulary, options.MinTokenCount);
        TextSplit Encode(IReadOnlyList<LabeledText> texts, int[] rows)
        {
            var ids = new int[rows.Length * options.MaxLength];
            for (var r = 0; r < rows.Length; r++)
            {
                var tokens = TextTokenizer.Tokenize(texts[rows[r]].Text, options.MaxLength);
                vocabulary.Encode(tokens, options.MaxLength).CopyTo(ids, r * options.MaxLength);
            }

            return new TextSplit(options.MaxLength, ids, rows.Select(r => classes.IndexOf(texts[r].Label)).ToArray());
        }

        return new TextDataset(
            options.Name,
            Encode(trainTexts, splits.Train),
            Encode(trainTexts, splits.Validation),
            Encode(testTexts ?? trainTexts, splits.Test),
            vocabulary,
            classes.Names);
    }

    /// <summary>A smaller copy: the first sequences of each split (the train and validation splits are already shuffled).</summary>
    public TextDataset Take(int trainCount, int validationCount, int testCount) =>
        new(Name, Train.Take(trainCount), Validation.Take(validationCount), Test.Take(testCount), Vocabulary, ClassNames);

    private static (IReadOnlyList<LabeledText> Train, IReadOnlyList<LabeledText>? Test, string File) ReadCsv(string path, DatasetOptions options)
    {
        var (trainFile, testFile) = DatasetFiles.FindCsv(path, options.Name);
        var train = ReadCsvFile(trainFile, options);
        return (train, testFile is null ? null : ReadCsvFile(testFile, options), trainFile);
    }

    private static LabeledText[] ReadCsvFile(string file, DatasetOptions options)
    {
        var table = CsvTable.Read(file);
        var text = table.ColumnIndex(options.TextColumn, "text");
        var label = table.ColumnIndex(options.LabelColumn, "label");
        return table.Rows.Select((row, r) =>
        {
            var value = row.Fields[label].Trim();
            return value.Length > 0
                ? new LabeledText(row.Fields[text], value)
                : throw new InvalidDataException(
                    $"'{file}' line {row.Line} (row {r + 1}): the label column '{table.Columns[label]}' is empty.");
        }).ToArray();
    }
}
