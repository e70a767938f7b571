using NasFunctions.Evaluator.Data;
using NasFunctions.Evaluator.Data.Translation;

namespace NasFunctions.Evaluator.Tests.Data.Translation;

public sealed class TokenizerTests
{
    private static readonly string[] Texts =
    [
        "cannot open %s for reading", "cannot open %1$s: %2$s", "open the file", "the file %s is open", "%zu bytes read, 100%% done",
        "reading the file", "cannot read %s",
    ];

    [Fact]
    public void Characters_round_trip_and_keep_placeholders_whole()
    {
        var tokenizer = CharacterTokenizer.Learn(Texts, maxVocabulary: 100, minCount: 1);

        foreach (var text in Texts)
        {
            tokenizer.Detokenize(tokenizer.Tokenize(text)).ShouldBe(text);
            tokenizer.Decode([.. tokenizer.Encode(text), SequenceTokenizer.EndId, 9]).ShouldBe(text);
        }

        tokenizer.Tokenize("open %1$s, 5%%").ShouldBe(["o", "p", "e", "n", "▁", "%1$s", ",", "▁", "5", "%%"]);
        tokenizer.Vocabulary.Tokens.Take(4).ShouldBe(["<pad>", "<unk>", "<s>", "</s>"]);
    }

    [Fact]
    public void Subwords_merge_frequent_pairs_round_trip_and_never_merge_placeholders()
    {
        var tokenizer = SubwordTokenizer.Learn(Texts, maxVocabulary: 60, minCount: 1);

        tokenizer.Vocabulary.Count.ShouldBeLessThanOrEqualTo(60);
        tokenizer.Merges.Count.ShouldBeGreaterThan(10);
        tokenizer.Merges.ShouldNotContain(m => m.Left.Contains('%') || m.Right.Contains('%'));
        foreach (var text in Texts.Append("open %s and read %zu"))
        {
            tokenizer.Detokenize(tokenizer.Tokenize(text)).ShouldBe(text);
            tokenizer.Decode(tokenizer.Encode(text)).ShouldBe(text);
        }

        var tokens = tokenizer.Tokenize("cannot open %s");
        tokens.ShouldContain("%s");
        tokens.Count.ShouldBeLessThan("cannot open %s".Length - 1);
        tokenizer.Tokenize("the file").ShouldBe(tokenizer.Tokenize("the").Concat(tokenizer.Tokenize("file")));
    }

    [Fact]
    public void The_most_frequent_pair_merges_first_and_the_cap_holds()
    {
        var tokenizer = SubwordTokenizer.Learn(["ab ab ab ab cd cd"], maxVocabulary: 9, minCount: 1);

        // Atoms ▁ a b c d make 9 with the reserved four: no room for merges. With one more id, the most frequent pair merges:
        // (a, b) and (▁, a) both occur 4 times, and "a" sorts before "▁"; then (▁, ab) x4; then (c, d) before (▁, c), both x2.
        tokenizer.Merges.ShouldBeEmpty();
        SubwordTokenizer.Learn(["ab ab ab ab cd cd"], maxVocabulary: 10, minCount: 1).Merges.ShouldBe([("a", "b")]);
        var three = SubwordTokenizer.Learn(["ab ab ab ab cd cd"], maxVocabulary: 12, minCount: 1);
        three.Merges.ShouldBe([("a", "b"), ("▁", "ab"), ("c", "d")]);
        three.Tokenize("ab cd").ShouldBe(["▁ab", "▁", "cd"]);
    }

    [Fact]
    public void Characters_unseen_in_training_are_unknown()
    {
        var tokenizer = SubwordTokenizer.Learn(["aaa bbb"], maxVocabulary: 20, minCount: 1);

        tokenizer.Encode("ab z").ShouldContain(Vocabulary.UnknownId);
        tokenizer.Encode("ab").ShouldNotContain(Vocabulary.UnknownId);
    }

    [Fact]
    public void Phonemes_split_at_spaces()
    {
        var tokenizer = PhonemeTokenizer.Learn(["HH AH L OW", "W ER L D"], maxVocabulary: 50, minCount: 1);

        tokenizer.Tokenize("HH AH L OW").ShouldBe(["HH", "AH", "L", "OW"]);
        tokenizer.Decode(tokenizer.Encode("W ER L D")).ShouldBe("W ER L D");
        tokenizer.Vocabulary.Count.ShouldBe(4 + 7);
    }
}
