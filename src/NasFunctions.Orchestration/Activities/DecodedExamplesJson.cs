using System.Text.Json;
using NasFunctions.Evaluator.Training.Seq2Seq;

namespace NasFunctions.Orchestration.Activities;

/// <summary>A trial's decoded examples as the JSON its Trials row stores, small enough for a table property.</summary>
internal static class DecodedExamplesJson
{
    /// <summary>Most characters of one source, reference or hypothesis kept.</summary>
    public const int MaxTextLength = 300;

    /// <summary>Most characters of the whole JSON (a table property holds 32,000 UTF-16 characters; a row 1 MiB, each property 64 KiB).</summary>
    public const int MaxLength = 8_000;

    /// <summary>The examples as <c>[{"source", "reference", "hypothesis"}]</c>, each text cut to <see cref="MaxTextLength"/>, as many as fit <see cref="MaxLength"/>.</summary>
    public static string Of(IReadOnlyList<DecodedExample> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var kept = new List<DecodedExample>();
        var json = "[]";
        foreach (var example in examples)
        {
            kept.Add(new DecodedExample(Cut(example.Source), Cut(example.Reference), Cut(example.Hypothesis)));
            var longer = JsonSerializer.Serialize(kept, JsonSerializerOptions.Web);
            if (longer.Length > MaxLength)
            {
                break;
            }

            json = longer;
        }

        return json;
    }

    private static string Cut(string text) => text.Length <= MaxTextLength ? text : text[..(MaxTextLength - 1)] + "…";
}
