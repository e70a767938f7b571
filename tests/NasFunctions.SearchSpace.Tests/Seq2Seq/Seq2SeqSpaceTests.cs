using System.Text.Json;
using NasFunctions.SearchSpace.Seq2Seq;

namespace NasFunctions.SearchSpace.Tests.Seq2Seq;

public class Seq2SeqSpaceTests
{
    private const string Spec = """
        { "kind": "seq2seq", "sourceVocabulary": 8000, "targetVocabulary": 6000, "maxLength": 64, "encoders": ["lstm", "transformer"],
          "decoders": ["gru", "transformer"], "encoderLayers": [1, 2], "decoderLayers": [1, 2, 3], "embedding": [64, 128], "width": [64, 128],
          "heads": [2, 4], "feedForward": [256, 512], "norm": ["pre", "post"], "tiedEmbeddings": [false, true], "dropout": [0, 0.1] }
        """;

    private static Seq2SeqSpace Read(string json)
    {
        var errors = new List<SpecError>();
        var space = Seq2SeqSpace.FromJson(JsonDocument.Parse(json).RootElement, "$.space", errors);
        errors.ShouldBeEmpty();
        return space.ShouldNotBeNull();
    }

    private static List<SpecError> Errors(string json)
    {
        var errors = new List<SpecError>();
        Seq2SeqSpace.FromJson(JsonDocument.Parse(json).RootElement, "$.space", errors).ShouldBeNull();
        return errors;
    }

    [Fact]
    public void Asks_the_stacks_then_their_shapes()
    {
        var space = Read(Spec);

        space.Kind.ShouldBe("seq2seq");
        space.Decisions.Select(d => d.Label).ShouldBe(
            ["encoder", "encoderLayers", "decoder", "decoderLayers", "embedding", "width", "heads", "feedForward", "norm", "tiedEmbeddings", "dropout"]);
        space.Decisions[2].Choices.ShouldBe(["gru", "transformer"]);
        space.Decisions[10].Choices.ShouldBe(["0", "0.1"]);
        // 2 x 3 depths, 2 embeddings, 2 widths, 2 tyings, 2 dropouts = 96 shared; 3 of 4 stack pairs have a Transformer (x 8), 1 does not.
        space.Size.ShouldBe(96 * ((3 * 8) + 1));
    }

    [Fact]
    public void Decodes_a_typed_network()
    {
        var space = Read(Spec);

        var network = space.Decode(space.Parse(
            "encoder=transformer;encoderLayers=2;decoder=gru;decoderLayers=1;embedding=128;width=64;heads=4;feedForward=512;norm=post;tiedEmbeddings=true;dropout=0.1"));

        network.ShouldBe(new Seq2SeqNetwork(8000, 6000, 64, new Seq2SeqStack("transformer", 2), new Seq2SeqStack("gru", 1), 128, 64, 4, 512, "post", true, 0.1));
        network.Encoder.IsTransformer.ShouldBeTrue();
    }

    [Fact]
    public void All_recurrent_networks_reset_the_transformer_fields_and_sampling_round_trips()
    {
        var space = Read(Spec);
        var random = new Random(5);
        var seen = new HashSet<string>();
        for (var i = 0; i < 400; i++)
        {
            var architecture = space.Sample(random);
            space.Parse(architecture.Canonical).ShouldBe(architecture);
            seen.Add(architecture.Canonical);
            if (architecture.Choices["encoder"] == "lstm" && architecture.Choices["decoder"] == "gru")
            {
                (architecture.Choices["heads"], architecture.Choices["feedForward"], architecture.Choices["norm"]).ShouldBe(("2", "256", "pre"));
            }
        }

        seen.Count.ShouldBeGreaterThan(300);
        Should.Throw<FormatException>(() => space.Parse(
            "encoder=lstm;encoderLayers=1;decoder=gru;decoderLayers=1;embedding=64;width=64;heads=4;feedForward=256;norm=pre;tiedEmbeddings=false;dropout=0"))
            .Message.ShouldContain("heads, feedForward and norm take their first values");
    }

    [Fact]
    public void Lists_every_error_with_its_path()
    {
        Errors("""
            { "kind": "seq2seq", "sourceVocabulary": 4, "maxLength": 2000, "encoders": ["lstm", "cnn"], "encoderLayers": [0, 2],
              "width": [64, 96], "heads": [2, 64], "norm": ["sandwich"], "dropout": [1.5] }
            """).ShouldBe(
        [
            new("$.space.targetVocabulary", "is required"),
            new("$.space.sourceVocabulary", "must be at least 5, not 4"),
            new("$.space.maxLength", "must be at most 1024, not 2000"),
            new("$.space.encoders[1]", "unknown encoder 'cnn'; known: lstm, gru, transformer"),
            new("$.space.encoderLayers[0]", "must be from 1 to 12, not 0"),
            new("$.space.heads[1]", "64 heads do not divide width 96; every width must be a multiple of every head count"),
            new("$.space.norm[0]", "unknown norm 'sandwich'; known: pre, post"),
            new("$.space.dropout[0]", "must be from 0 to below 1, not 1.5"),
        ]);
    }
}
