using Azure.Data.Tables;
using NasFunctions.Storage.Tables;

namespace NasFunctions.Storage.Tests;

/// <summary>No NaN or infinity is written to a row, and one an older version left reads as missing.</summary>
public class NonFiniteValueTests
{
    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_non_finite_number_left_in_a_row_reads_as_null(double value)
    {
        var entity = TrialEntity.From(Records.FullTrial("s1", "r0000-c00"));
        entity[nameof(TrialRecord.ValidationLoss)] = value;
        entity[nameof(TrialRecord.TestAccuracy)] = value.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var trial = TrialEntity.To(entity);

        (trial.ValidationLoss, trial.TestAccuracy).ShouldBe(((double?)null, (double?)null));
        trial.ValidationAccuracy.ShouldBe(Records.FullTrial("s1", "r0000-c00").ValidationAccuracy);
    }

    [Fact]
    public void A_search_row_refuses_a_non_finite_best_accuracy()
    {
        var search = Records.FullSearch("s1") with { BestValidationAccuracy = double.NegativeInfinity };

        Should.Throw<ArgumentException>(() => SearchEntity.From(search)).ParamName.ShouldBe(nameof(SearchRecord.BestValidationAccuracy));
    }
}
