namespace NasFunctions.Evaluator.Data;

/// <summary>Which rows go to the train, validation and test splits, drawn by a seeded shuffle.</summary>
/// <param name="Train">Row indices of the train split, in shuffled order.</param>
/// <param name="Validation">Row indices of the validation split, in shuffled order.</param>
/// <param name="Test">Row indices of the test split (of the test file's rows when there is one), in shuffled or file order.</param>
public sealed record SplitIndices(int[] Train, int[] Validation, int[] Test)
{
    /// <summary>
    /// Splits the rows of one file: <paramref name="testFraction"/> of them to test, then <paramref name="validationFraction"/>
    /// of the rest to validation, the remainder to train. The same (count, seed, fractions) give the same splits.
    /// </summary>
    public static SplitIndices Carve(int count, double validationFraction, double testFraction, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var order = Shuffled(count, seed);
        var test = Share(count, testFraction);
        var validation = Share(count - test, validationFraction);
        return new SplitIndices(order[(test + validation)..], order[test..(test + validation)], order[..test]);
    }

    /// <summary>Splits the rows of a training file into train and validation; the test file's rows stay in file order.</summary>
    public static SplitIndices CarveValidation(int trainCount, int testCount, double validationFraction, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trainCount);
        ArgumentOutOfRangeException.ThrowIfNegative(testCount);
        var order = Shuffled(trainCount, seed);
        var validation = Share(trainCount, validationFraction);
        return new SplitIndices(order[validation..], order[..validation], Enumerable.Range(0, testCount).ToArray());
    }

    private static int[] Shuffled(int count, int seed)
    {
        var order = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(order);
        return order;
    }

    // At least one row for a held-out split when there are two or more rows, and always at least one left for training.
    private static int Share(int count, double fraction) =>
        count < 2 ? 0 : Math.Clamp((int)Math.Round(count * fraction), 1, count - 1);
}
