using System.Diagnostics;
using System.Text.Json;
using NasFunctions.Evaluator.Measures.Translation;
using NasFunctions.Evaluator.Tests.Data;

namespace NasFunctions.Evaluator.Tests.Measures.Translation;

/// <summary>The project's corpus BLEU against NLTK 3.8's <c>corpus_bleu</c> (Debian's python3-nltk, unpacked by build/setup.sh) on the same tokens.</summary>
public sealed class NltkBleuTests
{
    private const string Script = """
        import json, sys, warnings
        warnings.simplefilter("ignore")
        from nltk.translate.bleu_score import corpus_bleu, SmoothingFunction
        cases = json.load(open(sys.argv[1], encoding="utf-8"))
        smooth = SmoothingFunction()
        out = []
        for case in cases:
            fn = smooth.method3 if case["smooth"] else smooth.method0
            out.append(corpus_bleu(case["refs"], case["hyps"], smoothing_function=fn))
        print(json.dumps(out))
        """;

    /// <remarks>
    /// Every hypothesis has at least four tokens: NLTK counts a hypothesis too short for an order as one n-gram of it
    /// (<c>max(1, count)</c> in <c>modified_precision</c>), sacreBLEU as none, and this project follows sacreBLEU.
    /// </remarks>
    [Fact]
    public void Corpus_bleu_matches_nltk_on_fixed_inputs()
    {
        var cases = new (string[] Hypotheses, string[][] References, bool Smooth)[]
        {
            (["the cat sat on the mat", "there is a dog in the garden today"], [["the cat is on the mat"], ["a dog is in the garden today", "there is a dog in the park today"]], false),
            (["It is a guide to action which ensures that the military always obeys the commands of the party ."],
                [["It is a guide to action that ensures that the military will forever heed Party commands .",
                  "It is the guiding principle which guarantees the military forces always being under the command of the Party .",
                  "It is the practical guide for the army always to heed the directions of the party ."]], false),
            (["Datei %s kann nicht geöffnet werden", "Schreibfehler beim Speichern der Datei", "ungültige Option -- %c"],
                [["Datei %s kann nicht geöffnet werden"], ["Schreibfehler beim Speichern"], ["ungültige Option -- »%c«"]], false),
            (["the cat sat on the mat", "a b c d e"], [["the cat is on the mat"], ["a b x d e f g"]], true),
            (["a much longer sentence"], [["a much longer reference sentence here"]], true),
        };
        var tokenized = cases.Select(c => new
        {
            hyps = c.Hypotheses.Select(Tokenizer13a.Tokenize).ToArray(),
            refs = c.References.Select(r => r.Select(Tokenizer13a.Tokenize).ToArray()).ToArray(),
            smooth = c.Smooth,
        }).ToArray();

        var nltk = RunNltk(JsonSerializer.Serialize(tokenized));

        nltk.Length.ShouldBe(cases.Length);
        for (var i = 0; i < cases.Length; i++)
        {
            var ours = CorpusBleu.ScoreTokens(
                tokenized[i].hyps, tokenized[i].refs.Select(r => (IReadOnlyList<IReadOnlyList<string>>)r).ToArray(),
                cases[i].Smooth ? BleuSmoothing.Exponential : BleuSmoothing.None);
            ours.Score.ShouldBe(100 * nltk[i], tolerance: 1e-9, $"case {i}");
            CorpusBleu.Score(cases[i].Hypotheses, cases[i].References, cases[i].Smooth ? BleuSmoothing.Exponential : BleuSmoothing.None)
                .Score.ShouldBe(ours.Score, tolerance: 1e-12);
        }

        nltk.Count(v => v > 0.05 && v < 0.99).ShouldBeGreaterThanOrEqualTo(3); // the cases are not all trivial
    }

    private static double[] RunNltk(string casesJson)
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("cases.json"), casesJson);
        File.WriteAllText(folder.File("bleu.py"), Script);
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var start = new ProcessStartInfo(python, [folder.File("bleu.py"), folder.File("cases.json")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PYTHONPATH"] = RealData.NltkFolder();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit(60_000).ShouldBeTrue("NLTK did not answer within a minute");
        process.ExitCode.ShouldBe(0, $"NLTK failed: {stderr}");
        return JsonSerializer.Deserialize<double[]>(stdout.Result)!;
    }
}
