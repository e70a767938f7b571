namespace NasFunctions.Evaluator.Data.Translation;

/// <summary>Train, validation and test pairs drawn by a seeded shuffle of the distinct sources: no source is in two splits.</summary>
/// <param name="Train">The training pairs.</param>
/// <param name="Validation">The validation pairs.</param>
/// <param name="Test">The test pairs.</param>
public sealed record PairSplits(IReadOnlyList<TextPair> Train, IReadOnlyList<TextPair> Validation, IReadOnlyList<TextPair> Test)
{
    /// <summary>
    /// Splits the distinct sources of <paramref name="pairs"/> as <see cref="SplitIndices.Carve"/> splits rows (test first, then
    /// validation of the rest); every pair goes where its source went. Splits list sources in shuffled order, a source's pairs
    /// in input order. The same (pairs, fractions, seed) give the same splits.
    /// </summary>
    public static PairSplits Carve(IReadOnlyList<TextPair> pairs, double validationFraction, double testFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var bySource = BySource(pairs);
        var rows = SplitIndices.Carve(bySource.Count, validationFraction, testFraction, seed);
        return new PairSplits(Gather(bySource, rows.Train), Gather(bySource, rows.Validation), Gather(bySource, rows.Test));
    }

    /// <summary>
    /// Splits a training file's pairs into train and validation by source, the test file's pairs being the test split; training
    /// pairs whose source is also in the test file are left out.
    /// </summary>
    public static PairSplits CarveValidation(IReadOnlyList<TextPair> train, IReadOnlyList<TextPair> test, double validationFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        var tested = test.Select(p => p.Source).ToHashSet(StringComparer.Ordinal);
        var bySource = BySource(train.Where(p => !tested.Contains(p.Source)).ToList());
        var rows = SplitIndices.CarveValidation(bySource.Count, 0, validationFraction, seed);
        return new PairSplits(Gather(bySource, rows.Train), Gather(bySource, rows.Validation), test);
    }

    private static List<List<TextPair>> BySource(IReadOnlyList<TextPair> pairs)
    {
        var groups = new Dictionary<string, List<TextPair>>(StringComparer.Ordinal);
        var order = new List<List<TextPair>>();
        foreach (var pair in pairs)
        {
            if (!groups.TryGetValue(pair.Source, out var group))
            {
                groups[pair.Source] = group = [];
                order.Add(group);
            }

            group.Add(pair);
        }

        return order;
    }

    private static TextPair[] Gather(List<List<TextPair>> bySource, int[] rows) => rows.SelectMany(r => bySource[r]).ToArray();
}
