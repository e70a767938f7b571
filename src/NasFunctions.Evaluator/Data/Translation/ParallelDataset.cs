namespace NasFunctions.Evaluator.Data.Translation;

/// <summary>A sequence-to-sequence data set: pairs split by source, each side tokenized over a vocabulary learned from the train split.</summary>
public sealed class ParallelDataset
{
    /// <summary>Creates a data set from splits and tokenizers already made.</summary>
    public ParallelDataset(
        string name, ParallelSplit train, ParallelSplit validation, ParallelSplit test, SequenceTokenizer source, SequenceTokenizer target)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        Name = name;
        Train = train;
        Validation = validation;
        Test = test;
        SourceTokenizer = source;
        TargetTokenizer = target;
    }

    /// <summary>The data set's name.</summary>
    public string Name { get; }

    /// <summary>The training split: the tokenizers were learned from its texts only; pairs longer than the options' MaxLength are left out.</summary>
    public ParallelSplit Train { get; }

    /// <summary>The validation split (every pair, however long).</summary>
    public ParallelSplit Validation { get; }

    /// <summary>The test split (every pair, however long).</summary>
    public ParallelSplit Test { get; }

    /// <summary>The source side's tokenizer and vocabulary.</summary>
    public SequenceTokenizer SourceTokenizer { get; }

    /// <summary>The target side's tokenizer and vocabulary.</summary>
    public SequenceTokenizer TargetTokenizer { get; }

    /// <summary>
    /// Loads a parallel data set: "parallel-tsv" (a <c>source&lt;TAB&gt;target</c> file, or a folder with <c>train.tsv</c> and
    /// maybe <c>test.tsv</c>), "debian-messages" (English -> German, <see cref="MessageCorpus"/>) or "cmudict" (word ->
    /// phonemes, <see cref="CmuDictReader"/>). Drops exact duplicate pairs, splits by source (<see cref="PairSplits"/>), learns
    /// each side's tokenizer from the train split (<see cref="DatasetOptions.Tokenizer"/>; CMUdict's phonemes are always split
    /// at spaces) with <see cref="DatasetOptions.MaxVocabulary"/> and <see cref="DatasetOptions.MinTokenCount"/>, and encodes
    /// every split.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid (every problem is listed), or name no parallel data set.</exception>
    /// <exception cref="FileNotFoundException">A file is missing; the message says how to get it.</exception>
    /// <exception cref="InvalidDataException">A file is malformed (the message names the file and line or entry).</exception>
    public static ParallelDataset Load(DatasetOptions options, IDatasetSource? source = null) => Split(ReadFiles(options, source), options);

    /// <summary>The pairs the options name, read whole, exact duplicates dropped, not yet split or encoded.</summary>
    internal static ParallelFiles ReadFiles(DatasetOptions options, IDatasetSource? source)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        var path = (source ?? LocalDatasetSource.Instance).GetLocalPath(options);
        switch (options.Kind)
        {
            case DatasetKind.ParallelTsv:
                var (trainFile, testFile) = DatasetFiles.FindTsv(path, options.Name);
                return new ParallelFiles(trainFile, Distinct(TsvPairReader.ReadFile(trainFile)), testFile is null ? null : Distinct(TsvPairReader.ReadFile(testFile)));
            case DatasetKind.DebianMessages:
                return new ParallelFiles(path, MessageCorpus.ReadFolder(path), null);
            case DatasetKind.CmuDict:
                var dict = File.Exists(path) ? path : Path.Combine(path, CmuDictReader.DictFile);
                return new ParallelFiles(dict, Distinct(CmuDictReader.ReadFile(dict)), null);
            default:
                throw new ArgumentException(
                    $"Data set '{options.Name}' is not a parallel data set (its name must be one of {string.Join(", ", DatasetOptions.ParallelNames)}).",
                    nameof(options));
        }
    }

    /// <summary>Splits read pairs by the options' seed and fractions, learns the tokenizers from the train split and encodes every split.</summary>
    internal static ParallelDataset Split(ParallelFiles files, DatasetOptions options)
    {
        var splits = files.Test is null
            ? PairSplits.Carve(files.Train, options.ValidationFraction, options.TestFraction, options.Seed)
            : PairSplits.CarveValidation(files.Train, files.Test, options.ValidationFraction, options.Seed);
        if (splits.Train.Count == 0)
        {
            throw new InvalidDataException($"'{files.File}' leaves no pairs to train on (it has {files.Train.Count} in all).");
        }

        var kind = options.Tokenizer ?? (options.Kind == DatasetKind.CmuDict ? CharacterTokenizer.Name : SubwordTokenizer.Name);
        SequenceTokenizer Learn(string tokenizer, IEnumerable<string> texts) => tokenizer switch
        {
            CharacterTokenizer.Name => CharacterTokenizer.Learn(texts, options.MaxVocabulary, options.MinTokenCount),
            PhonemeTokenizer.Name => PhonemeTokenizer.Learn(texts, options.MaxVocabulary, options.MinTokenCount),
            _ => SubwordTokenizer.Learn(texts, options.MaxVocabulary, options.MinTokenCount),
        };

        var source = Learn(kind, splits.Train.Select(p => p.Source));
        var target = Learn(options.Kind == DatasetKind.CmuDict ? PhonemeTokenizer.Name : kind, splits.Train.Select(p => p.Target));
        ParallelSplit Encode(IReadOnlyList<TextPair> pairs, bool bounded)
        {
            var (kept, from, to) = (new List<TextPair>(pairs.Count), new List<int[]>(pairs.Count), new List<int[]>(pairs.Count));
            foreach (var pair in pairs)
            {
                var (s, t) = (source.Encode(pair.Source), target.Encode(pair.Target));
                if (!bounded || (s.Length <= options.MaxLength && t.Length <= options.MaxLength))
                {
                    kept.Add(pair);
                    from.Add(s);
                    to.Add(t);
                }
            }

            return new ParallelSplit(kept, [.. from], [.. to]);
        }

        return new ParallelDataset(
            options.Name, Encode(splits.Train, bounded: true), Encode(splits.Validation, bounded: false), Encode(splits.Test, bounded: false),
            source, target);
    }

    /// <summary>A smaller copy: the first pairs of each split (the splits are already shuffled by source).</summary>
    public ParallelDataset Take(int trainCount, int validationCount, int testCount) =>
        new(Name, Train.Take(trainCount), Validation.Take(validationCount), Test.Take(testCount), SourceTokenizer, TargetTokenizer);

    private static TextPair[] Distinct(IReadOnlyList<TextPair> pairs) => pairs.Distinct().ToArray();
}
