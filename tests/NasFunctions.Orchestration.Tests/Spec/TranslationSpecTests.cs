using NasFunctions.Orchestration.Spec;
using NasFunctions.SearchSpace.Seq2Seq;

namespace NasFunctions.Orchestration.Tests.Spec;

/// <summary>Translation specs: the parallel data sets, their tokenizer, decoding, and the pairing of the seq2seq space with them.</summary>
public class TranslationSpecTests
{
    private const string Space = """{ "kind": "seq2seq", "sourceVocabulary": 100, "targetVocabulary": 100, "maxLength": 32 }""";

    [Fact]
    public void Reads_a_translation_search_on_a_tsv_file_inside_the_data_roots()
    {
        using var data = new DataRootFolder();
        var pairs = data.File("pairs.tsv", "Hello\tHallo\n");

        var result = SearchSpecReader.Read($$"""
            { "space": {{Space}}, "dataset": { "name": "parallel-tsv", "path": "{{pairs}}", "tokenizer": "bpe", "maxVocabulary": 8000 },
              "decoding": { "beamWidth": 4, "fitness": "wer", "examples": 3, "validationSentences": 200, "lengthBase": 3, "lengthPerSourceToken": 1 } }
            """, data.Limits);

        result.Errors.ShouldBeEmpty();
        result.Spec!.Space.ShouldBeOfType<Seq2SeqSpace>();
        result.Spec.Dataset.Tokenizer.ShouldBe("bpe");
        result.Spec.Dataset.ToOptions(0).Tokenizer.ShouldBe("subwords");
        result.Spec.TrialDecoding.ShouldBe(new DecodingSpec(4, "wer", 3, 200, 3, 1));
        result.Spec.TrialDecoding.ToOptions().Metric.ShouldBe("wer");
        result.Spec.TrialDecoding.ToOptions().Length(32).For(10).ShouldBe(13);
        result.Spec.TrialDecoding.ToOptions().ValidationSentences.ShouldBe(200);
    }

    [Theory]
    [InlineData("debian-messages", "char", "characters")]
    [InlineData("cmudict", "phoneme", "phonemes")]
    public void The_installed_corpora_need_no_path_and_map_their_tokenizer(string name, string tokenizer, string loader)
    {
        var result = SearchSpecReader.Read($$"""{ "space": {{Space}}, "dataset": { "name": "{{name}}", "tokenizer": "{{tokenizer}}" } }""");

        result.Errors.ShouldBeEmpty();
        result.Spec!.Dataset.ToOptions(0).Tokenizer.ShouldBe(loader);
        result.Spec.TrialDecoding.ShouldBe(DecodingSpec.Default);
    }

    [Theory]
    [InlineData("src/NasFunctions.Local/specs/cmudict-g2p-demo.json", "cmudict", "wer")]
    [InlineData("src/NasFunctions.Local/specs/debian-messages-demo.json", "debian-messages", "bleu")]
    public void The_demo_translation_specs_are_valid(string file, string dataset, string fitness)
    {
        var result = SearchSpecReader.Read(File.ReadAllText(RepositoryFiles.Find(file)));

        result.Errors.ShouldBeEmpty();
        result.Spec!.Dataset.Name.ShouldBe(dataset);
        result.Spec.TrialDecoding.Fitness.ShouldBe(fitness);
        result.Spec.Space.ShouldBeOfType<Seq2SeqSpace>();
    }

    [Fact]
    public void A_tsv_path_outside_the_data_roots_is_refused_with_the_one_message()
    {
        using var data = new DataRootFolder();
        var secret = data.OutsideFile("secret.tsv", "a\tb\n");

        var result = SearchSpecReader.Read($$"""{ "space": {{Space}}, "dataset": { "name": "parallel-tsv", "path": "{{secret}}" } }""", data.Limits);

        var error = result.Errors.ShouldHaveSingleItem();
        error.Path.ShouldBe("$.dataset.path");
        error.Message.ShouldBe(Evaluator.Data.DataRoots.OutsideMessage);
    }

    [Theory]
    [InlineData("""{ "space": SPACE }""", "$.dataset", "trains on text pairs")]
    [InlineData("""{ "space": SPACE, "dataset": { "name": "spam-assassin" } }""", "$.dataset.name", "parallel-tsv, debian-messages, cmudict")]
    [InlineData("""{ "space": { "kind": "macro-cnn" }, "dataset": { "name": "cmudict" } }""", "$.dataset.name", "holds text pairs")]
    [InlineData("""{ "space": { "kind": "mlp", "inputs": 4, "classes": 2 }, "dataset": { "name": "debian-messages" } }""", "$.dataset.name", "use csv")]
    [InlineData("""{ "decoding": { "beamWidth": 2 } }""", "$.decoding", "is for the seq2seq space")]
    [InlineData("""{ "space": SPACE, "dataset": { "name": "cmudict" }, "decoding": { "beamWidth": 17 } }""", "$.decoding.beamWidth", "from 1 to 16, not 17")]
    [InlineData("""{ "space": SPACE, "dataset": { "name": "cmudict" }, "decoding": { "beamWidth": 0 } }""", "$.decoding.beamWidth", "from 1 to 16, not 0")]
    [InlineData("""{ "space": SPACE, "dataset": { "name": "cmudict" }, "decoding": { "fitness": "accuracy" } }""", "$.decoding.fitness", "bleu, wer")]
    [InlineData("""{ "space": SPACE, "dataset": { "name": "cmudict" }, "decoding": { "examples": 21 } }""", "$.decoding.examples", "from 0 to 20, not 21")]
    [InlineData("""{ "space": SPACE, "dataset": { "name": "cmudict" }, "decoding": { "topP": 0.9 } }""", "$.decoding.topP", "")]
    [InlineData("""{ "space": SPACE, "dataset": { "name": "cmudict" }, "decoding": { "validationSentences": 0 } }""", "$.decoding.validationSentences", "from 1 to 1000000, not 0")]
    [InlineData("""{ "space": SPACE, "dataset": { "name": "cmudict" }, "decoding": { "lengthBase": 1001 } }""", "$.decoding.lengthBase", "at most 1000")]
    [InlineData("""{ "space": SPACE, "dataset": { "name": "cmudict" }, "decoding": { "lengthPerSourceToken": -1 } }""", "$.decoding.lengthPerSourceToken", "greater than 0")]
    [InlineData("""{ "space": SPACE, "dataset": { "name": "cmudict", "tokenizer": "words" } }""", "$.dataset.tokenizer", "char, bpe, phoneme")]
    [InlineData("""{ "space": SPACE, "dataset": { "name": "cmudict", "maxVocabulary": 4 } }""", "$.dataset", "from 5")]
    [InlineData("""{ "space": SPACE, "dataset": { "name": "debian-messages", "maxVocabulary": 64001 } }""", "$.dataset", "to 64000")]
    [InlineData("""{ "dataset": { "name": "fashion-mnist", "tokenizer": "char" } }""", "$.dataset.tokenizer", "is for the parallel data sets")]
    [InlineData("""{ "space": { "kind": "seq2seq", "sourceVocabulary": 9, "targetVocabulary": 9, "maxLength": 5000 }, "dataset": { "name": "cmudict" } }""", "$.space.maxLength", "at most 1024")]
    public void A_translation_field_out_of_bounds_or_a_mismatched_pair_is_an_error_at_its_path(string spec, string path, string message)
    {
        var result = SearchSpecReader.Read(spec.Replace("SPACE", Space, StringComparison.Ordinal));

        result.Spec.ShouldBeNull();
        result.Errors.ShouldContain(e => e.Path == path && e.Message.Contains(message), string.Join("; ", result.Errors));
    }
}
