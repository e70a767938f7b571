using System.Text.Json;
using NasFunctions.Evaluator.Training.Seq2Seq;
using NasFunctions.Orchestration.Activities;

namespace NasFunctions.Orchestration.Tests.Activities;

/// <summary>A trial's decoded examples fit a table property however long the sentences are.</summary>
public class DecodedExamplesJsonTests
{
    [Fact]
    public void Examples_are_written_as_json_with_each_text_cut_short()
    {
        var json = DecodedExamplesJson.Of([new("hello", "HH AH L OW", new string('x', 5_000))]);

        var example = JsonDocument.Parse(json).RootElement.EnumerateArray().Single();
        example.GetProperty("source").GetString().ShouldBe("hello");
        example.GetProperty("reference").GetString().ShouldBe("HH AH L OW");
        example.GetProperty("hypothesis").GetString()!.Length.ShouldBe(DecodedExamplesJson.MaxTextLength);
    }

    [Fact]
    public void Only_as_many_long_examples_as_fit_the_cap_are_kept()
    {
        var text = new string('ä', 1_000);
        var examples = Enumerable.Range(0, 20).Select(_ => new DecodedExample(text, text, text)).ToArray();

        var json = DecodedExamplesJson.Of(examples);

        json.Length.ShouldBeLessThanOrEqualTo(DecodedExamplesJson.MaxLength);
        JsonDocument.Parse(json).RootElement.GetArrayLength().ShouldBeInRange(1, 19);
    }
}
