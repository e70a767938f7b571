using NasFunctions.Evaluator.Data;
using NasFunctions.Evaluator.Data.Translation;

namespace NasFunctions.Evaluator.Tests.Data.Translation;

public sealed class ParallelDatasetTests
{
    [Fact]
    public void Splits_are_fixed_by_seed_and_no_source_is_in_two()
    {
        var pairs = Enumerable.Range(0, 200).SelectMany(i => new TextPair[] { new($"s{i}", $"t{i}"), new($"s{i}", $"u{i}") }).ToArray();

        var splits = PairSplits.Carve(pairs, 0.1, 0.2, seed: 3);

        (splits.Train.Count + splits.Validation.Count + splits.Test.Count).ShouldBe(400);
        splits.Test.Count.ShouldBe(80);
        var train = splits.Train.Select(p => p.Source).ToHashSet();
        splits.Validation.ShouldAllBe(p => !train.Contains(p.Source));
        splits.Test.ShouldAllBe(p => !train.Contains(p.Source) && !splits.Validation.Any(v => v.Source == p.Source));
        PairSplits.Carve(pairs, 0.1, 0.2, seed: 3).Test.ShouldBe(splits.Test);
        PairSplits.Carve(pairs, 0.1, 0.2, seed: 4).Test.ShouldNotBe(splits.Test);
    }

    [Fact]
    public void A_tsv_folder_loads_with_its_test_file_and_tokenizers_learned_from_train_only()
    {
        using var folder = new TempFolder();
        var words = new[] { "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten" };
        File.WriteAllLines(folder.File("train.tsv"), words.Select((w, i) => $"{w} file %s\t{w} Datei %s").Append("one file %s\tone Datei %s"));
        File.WriteAllLines(folder.File("test.tsv"), ["ten file %s\tzehn Datei %s", "quux\tqüx"]);
        var options = new DatasetOptions { Name = "parallel-tsv", Path = folder.Path, MaxVocabulary = 40, MinTokenCount = 1, Seed = 1 };

        var data = DatasetCache.GetOrLoadParallel(options);

        data.Test.Pairs.ShouldBe([new("ten file %s", "zehn Datei %s"), new("quux", "qüx")]);
        (data.Train.Count + data.Validation.Count).ShouldBe(9); // the duplicate pair once, "ten" left out: it is a test source
        data.Train.Pairs.Concat(data.Validation.Pairs).ShouldNotContain(p => p.Source.StartsWith("ten"));
        data.SourceTokenizer.Kind.ShouldBe("subwords");
        data.TargetTokenizer.Encode("qüx").ShouldContain(Vocabulary.UnknownId); // ü and q are only in the test file
        data.Train.TargetIds[0].ShouldBe(data.TargetTokenizer.Encode(data.Train.Pairs[0].Target));
        DatasetCache.GetOrLoadParallel(options.WithPath(folder.Path)).ShouldBeSameAs(data);
        DatasetCache.GetOrLoadParallel(new DatasetOptions
        {
            Name = "parallel-tsv", Path = folder.Path, MaxVocabulary = 40, MinTokenCount = 1, Seed = 1, Tokenizer = "characters",
        }).SourceTokenizer.Kind.ShouldBe("characters");
    }

    [Fact]
    public void References_group_every_target_of_a_source()
    {
        var split = new ParallelSplit([new("a", "x"), new("b", "y"), new("a", "z")], [[], [], []], [[], [], []]);

        var references = split.References();

        references.Select(r => r.Pair).ShouldBe([0, 1]);
        references[0].References.ShouldBe(["x", "z"]);
        references[1].References.ShouldBe(["y"]);
    }

    [Fact]
    public void Options_reject_an_unknown_tokenizer()
    {
        new DatasetOptions { Name = "cmudict", Tokenizer = "words" }.Validate().ShouldContain(e => e.Contains("Tokenizer must be one of characters, subwords"));
        new DatasetOptions { Name = "cmudict", MaxVocabulary = 4 }.Validate().ShouldContain(e => e.Contains("from 5"));
        new DatasetOptions { Name = "cmudict", MaxVocabulary = DatasetOptions.MostParallelVocabulary + 1 }.Validate().ShouldContain(e => e.Contains("to 64000"));
    }
}
