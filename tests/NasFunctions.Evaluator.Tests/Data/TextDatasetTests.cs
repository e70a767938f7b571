using NasFunctions.Evaluator.Data;

namespace NasFunctions.Evaluator.Tests.Data;

public sealed class TextDatasetTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void The_tokenizer_lowercases_and_splits_on_everything_but_letters_and_digits()
    {
        TextTokenizer.Tokenize("Don't e-mail ME@x.org 2x!  Ünïcode_ok").ShouldBe(["don", "t", "e", "mail", "me", "x", "org", "2x", "ünïcode", "ok"]);
        TextTokenizer.Tokenize(" ,.;").ShouldBeEmpty();
        TextTokenizer.Tokenize("a b c d", 2).ShouldBe(["a", "b"]);
    }

    [Fact]
    public void The_vocabulary_keeps_frequent_tokens_first_after_pad_and_unk()
    {
        var documents = new IReadOnlyList<string>[] { ["b", "a", "c", "b"], ["a", "b", "d"], ["c", "e"] };

        var vocabulary = Vocabulary.Build(documents, maxSize: 5, minCount: 2);

        vocabulary.Tokens.ShouldBe(["<pad>", "<unk>", "b", "a", "c"]);
        Vocabulary.Build(documents, maxSize: 4, minCount: 1).Tokens.ShouldBe(["<pad>", "<unk>", "b", "a"]);
        (vocabulary.IdOf("<pad>"), vocabulary.IdOf("<unk>"), vocabulary.IdOf("d"), vocabulary.IdOf("a")).ShouldBe((0, 1, 1, 3));
        vocabulary.Encode(["a", "zzz", "b"], 5).ShouldBe([3, 1, 2, 0, 0]);
        vocabulary.Encode(["a", "zzz", "b", "c"], 2).ShouldBe([3, 1]);
    }

    [Fact]
    public void A_text_csv_honours_quoting_and_builds_its_vocabulary_from_train_only()
    {
        File.WriteAllText(_folder.File("train.csv"),
            "label,text\nspam,\"Win money, win NOW\"\nham,\"see you\nat lunch\"\nspam,\"\"\"free\"\" money\"\nham,lunch at noon\n" +
            "spam,win win\nham,see the report\nspam,money money\nham,report at noon\nspam,free win\nham,lunch report\n");
        File.WriteAllText(_folder.File("test.csv"), "label,text\nham,zebra lunch\nspam,\"free, free zebra money\"\n");

        var data = TextDataset.Load(Options(_folder.Path, maxLength: 3));

        data.ClassNames.ShouldBe(["ham", "spam"]);
        (data.Train.Count, data.Validation.Count, data.Test.Count).ShouldBe((9, 1, 2));
        data.Vocabulary.Tokens.ShouldNotContain("zebra");
        data.Vocabulary.Tokens.ShouldContain("lunch");
        var lunch = data.Vocabulary.IdOf("lunch");
        data.Test.Sequence(0).ToArray().ShouldBe([Vocabulary.UnknownId, lunch, Vocabulary.PadId]);
        data.Test.Sequence(1).ToArray().ShouldBe([data.Vocabulary.IdOf("free"), data.Vocabulary.IdOf("free"), Vocabulary.UnknownId]);
        data.Test.Labels.ShouldBe([0, 1]);
        data.MaxLength.ShouldBe(3);
    }

    [Fact]
    public void One_text_csv_is_split_by_seed_and_only_train_words_enter_the_vocabulary()
    {
        File.WriteAllLines(_folder.File("docs.csv"), ["text,label", .. Enumerable.Range(0, 40).Select(i => $"word{i},{(i % 2 == 0 ? "even" : "odd")}")]);

        var data = TextDataset.Load(Options(_folder.File("docs.csv"), maxLength: 2, seed: 9));
        var again = TextDataset.Load(Options(_folder.File("docs.csv"), maxLength: 2, seed: 9));

        (data.Train.Count, data.Validation.Count, data.Test.Count).ShouldBe((29, 3, 8));
        data.Vocabulary.Count.ShouldBe(2 + 29);
        data.Test.Tokens.ShouldAllBe(id => id == Vocabulary.UnknownId || id == Vocabulary.PadId);
        data.Validation.Tokens.ShouldAllBe(id => id == Vocabulary.UnknownId || id == Vocabulary.PadId);
        Enumerable.Range(0, data.Train.Count).Select(i => data.Train.Tokens[i * 2]).ShouldAllBe(id => id > 1);
        Enumerable.Range(0, data.Train.Count).Select(i => data.Train.Tokens[(i * 2) + 1]).ShouldAllBe(id => id == Vocabulary.PadId);
        again.Vocabulary.Tokens.ShouldBe(data.Vocabulary.Tokens);
        again.Test.Labels.ShouldBe(data.Test.Labels);
        data.Train.Labels.Count(l => l == 0).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void A_text_csv_without_its_text_column_lists_the_columns()
    {
        File.WriteAllText(_folder.File("t.csv"), "body,label\nhi,a\nho,b\n");

        var error = Should.Throw<InvalidDataException>(() => TextDataset.Load(Options(_folder.File("t.csv"), maxLength: 4)));

        error.Message.ShouldContain("no text column 'text'");
        error.Message.ShouldContain("'body', 'label'");
    }

    [Fact]
    public void A_text_class_with_no_training_rows_is_an_error()
    {
        File.WriteAllText(_folder.File("train.csv"), "text,label\na,x\nb,y\nc,x\n");
        File.WriteAllText(_folder.File("test.csv"), "text,label\nd,w\n");

        var error = Should.Throw<InvalidDataException>(() => TextDataset.Load(Options(_folder.Path, maxLength: 4)));

        error.Message.ShouldContain("class 'w' has no rows in the train split");
    }

    private static DatasetOptions Options(string path, int maxLength, int seed = 0) =>
        new() { Name = "text-csv", Path = path, MaxLength = maxLength, MinTokenCount = 1, Seed = seed };

    public void Dispose() => _folder.Dispose();
}
