using NasFunctions.Evaluator.Data;
using NasFunctions.Evaluator.Data.Translation;
using Xunit.Abstractions;

namespace NasFunctions.Evaluator.Tests.Data.Translation;

public sealed class RealCorporaTests(ITestOutputHelper output)
{
    [Fact]
    public void The_debian_messages_corpus_is_deduplicated_length_filtered_and_keeps_placeholders()
    {
        var folder = RealData.DebianMessagesFolder();

        var pairs = MessageCorpus.ReadFolder(folder);

        output.WriteLine($"debian-messages-de: {pairs.Count} pairs from {File.ReadAllLines(Path.Combine(folder, MessageCorpus.Manifest)).Length} packages");
        pairs.Count.ShouldBeGreaterThan(10_000);
        pairs.Distinct().Count().ShouldBe(pairs.Count);
        pairs.ShouldAllBe(p => MessageCorpus.Keeps(p));
        pairs.ShouldContain(new TextPair("write error", "Schreibfehler"));
        Directory.GetDirectories(folder).ShouldAllBe(d => File.Exists(Path.Combine(d, "copyright")));

        var data = ParallelDataset.Split(new ParallelFiles(folder, pairs.Take(3000).ToArray(), null), new DatasetOptions
        {
            Name = "debian-messages", MaxVocabulary = 2000, MinTokenCount = 2, MaxLength = 64, Seed = 0,
        });
        data.SourceTokenizer.Vocabulary.Count.ShouldBeInRange(500, 2000);
        var withPlaceholder = data.Train.Pairs.First(p => p.Source.Contains("%s", StringComparison.Ordinal));
        data.SourceTokenizer.Tokenize(withPlaceholder.Source).ShouldContain("%s");
        var roundTrips = data.Train.Pairs.Count(p => data.SourceTokenizer.Decode(data.SourceTokenizer.Encode(p.Source)) == p.Source);
        output.WriteLine($"train source round trips: {roundTrips} of {data.Train.Count}");
        roundTrips.ShouldBeGreaterThan(data.Train.Count * 99 / 100);
    }

    [Fact]
    public void Cmudict_gives_words_and_stressless_phonemes_split_by_word()
    {
        var pairs = CmuDictReader.ReadFile(RealData.CmuDictFile());

        output.WriteLine($"cmudict: {pairs.Count} pairs, {pairs.Select(p => p.Source).Distinct().Count()} words");
        pairs.Count.ShouldBeGreaterThan(120_000);
        pairs.ShouldContain(new TextPair("aardvark", "AA R D V AA R K"));
        pairs.Where(p => p.Source == "a").Select(p => p.Target).ShouldBe(["AH", "EY"]);
        pairs.ShouldAllBe(p => p.Source.All(c => char.IsAsciiLetterLower(c) || c == '\''));
        CmuDictReader.ReadFile(RealData.CmuDictFile(), keepStress: true).ShouldContain(new TextPair("aardvark", "AA1 R D V AA2 R K"));

        var data = ParallelDataset.Split(new ParallelFiles("dict.txt", pairs.Take(2000).ToArray(), null), new DatasetOptions { Name = "cmudict", MaxVocabulary = 100, MinTokenCount = 1 });
        (data.SourceTokenizer.Kind, data.TargetTokenizer.Kind).ShouldBe(("characters", "phonemes"));
        var sources = data.Train.Pairs.Select(p => p.Source).ToHashSet();
        data.Test.Pairs.ShouldAllBe(p => !sources.Contains(p.Source));
    }

    [Fact]
    public void A_malformed_dictionary_line_is_named()
    {
        Should.Throw<InvalidDataException>(() => CmuDictReader.Parse("A  AH0\nB BIY1\n", "dict.txt")).Message.ShouldContain("'dict.txt' line 2");
        Should.Throw<InvalidDataException>(() => CmuDictReader.Parse("A  AH0\nB  B iy1\n", "dict.txt")).Message.ShouldContain("'iy1' is not an ARPAbet phoneme");
    }
}
