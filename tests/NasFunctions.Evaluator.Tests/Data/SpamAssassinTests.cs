using NasFunctions.Evaluator.Data;

namespace NasFunctions.Evaluator.Tests.Data;

public sealed class SpamAssassinTests
{
    [Fact]
    public void The_npm_corpus_holds_4150_ham_and_1896_spam_messages()
    {
        var messages = SpamAssassinReader.ReadFolder(RealData.SpamAssassinFolder());

        messages.Count.ShouldBe(6046);
        messages.Count(m => m.Label == "ham").ShouldBe(4150);
        messages.Count(m => m.Label == "spam").ShouldBe(1896);
        messages[0].Text.ShouldStartWith("From ");
    }

    [Fact]
    public void The_spam_data_set_loads_from_the_package_folder_by_default_and_splits_by_seed()
    {
        RealData.SpamAssassinFolder();
        var options = new DatasetOptions { Name = "spam-assassin", MaxLength = 32, MaxVocabulary = 5000, Seed = 2 };

        var data = DatasetCache.GetOrLoadText(options);

        data.ClassNames.ShouldBe(["ham", "spam"]);
        (data.Train.Count + data.Validation.Count + data.Test.Count).ShouldBe(6046);
        data.Test.Count.ShouldBe(1209);
        var labels = data.Train.Labels.Concat(data.Validation.Labels).Concat(data.Test.Labels).ToArray();
        (labels.Count(l => l == 0), labels.Count(l => l == 1)).ShouldBe((4150, 1896));
        data.Vocabulary.Count.ShouldBe(5000);
        data.Train.Tokens.Length.ShouldBe(data.Train.Count * 32);
        data.Train.Sequence(0)[0].ShouldBe(data.Vocabulary.IdOf("from"));
        DatasetCache.GetOrLoadText(new DatasetOptions { Name = "Spam-Assassin", MaxLength = 32, MaxVocabulary = 5000, Seed = 2 })
            .ShouldBeSameAs(data);
    }
}
