using NasFunctions.Evaluator.Models.Seq2Seq;
using NasFunctions.Evaluator.Training;
using NasFunctions.Evaluator.Training.Seq2Seq;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace NasFunctions.Evaluator.Tests.Training.Seq2Seq;

/// <summary>A tiny seq2seq network learns real grapheme-to-phoneme pairs, and beam search of width 1 is greedy decoding.</summary>
[Collection(TorchCollection.Name)]
public sealed class Seq2SeqTrainerTests(ITestOutputHelper output)
{
    private static readonly TrainingOptions Options = new()
    {
        Threads = 1, BatchSize = 32, LearningRate = 0.01, LatencyWarmups = 0, LatencyRepeats = 1, EvaluationChunk = 64,
    };

    [Fact]
    public void A_tiny_network_trained_on_a_few_hundred_cmudict_pairs_scores_far_above_the_untrained_one()
    {
        var data = TinyPairs.CmuDict();
        var network = TinyPairs.Network(data);
        var decoding = new DecodingOptions { Metric = TranslationScores.Bleu };
        manual_seed(3);
        using var untrained = new Seq2SeqModel(network);
        var before = TranslationScoring.Score(untrained, new PairBatches(data.Validation, network.MaxLength), data.TargetTokenizer, decoding).Scores;

        var result = Seq2SeqTrainer.Train(network, data, 12, 1, 3, Options, decoding);

        output.WriteLine($"untrained BLEU {before.BleuScore:F2} WER {before.WordErrorRate:F1}; trained BLEU {result.Validation.BleuScore:F2} " +
            $"WER {result.Validation.WordErrorRate:F1} PER {result.Validation.TokenErrorRate:F1}, test BLEU {result.Test.BleuScore:F2}, " +
            $"{result.Training.TrainSeconds:F1} s; " + string.Join("; ", result.Examples.Select(e => $"{e.Source} -> {e.Hypothesis} ({e.Reference})")));
        result.Validation.BleuScore.ShouldBeGreaterThan(before.BleuScore + 10);
        result.Validation.TokenErrorRate.ShouldBeLessThan(before.TokenErrorRate - 20);
        result.Training.ValidationAccuracy.ShouldBe(result.Validation.BleuScore / 100, 1e-12);
        result.Examples.Count.ShouldBe(5);
        result.Training.Measures.Flops.ShouldBeGreaterThan(0);
        result.Training.Measures.LatencyMilliseconds.ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData("gru", "gru")]
    [InlineData("transformer", "transformer")]
    [InlineData("lstm", "transformer")]
    public void Beam_search_of_width_one_decodes_exactly_what_greedy_decoding_does(string encoder, string decoder)
    {
        var data = TinyPairs.CmuDict(train: 200);
        var network = TinyPairs.Network(data, encoder, decoder, tied: true);
        var trained = Seq2SeqTrainer.Train(network, data, 3, 1, 5, Options, new DecodingOptions { Examples = 0 });
        using var model = new Seq2SeqModel(network);
        Evaluator.Models.ModelWeights.LoadInto(model, trained.Training.Weights);
        var split = new PairBatches(data.Validation, network.MaxLength);
        var pairs = Enumerable.Range(0, split.Count).ToArray();

        var greedy = SequenceDecoding.Decode(model, split, pairs, 1, Whole(network), 16, beamSearch: false, CancellationToken.None);
        var beam = SequenceDecoding.Decode(model, split, pairs, 1, Whole(network), 16, beamSearch: true, CancellationToken.None);
        var wider = SequenceDecoding.Decode(model, split, pairs, 4, Whole(network), 16);

        beam.Length.ShouldBe(greedy.Length);
        for (var i = 0; i < greedy.Length; i++)
        {
            beam[i].ShouldBe(greedy[i], $"sentence {i}");
        }

        greedy.ShouldContain(ids => ids.Length > 0);
        wider.ShouldAllBe(ids => ids.Length <= network.MaxLength && !ids.Contains(0) && !ids.Contains(2));
    }

    /// <summary>Every sentence may run to the space's maxLength, whatever its source.</summary>
    private static DecodingLength Whole(SearchSpace.Seq2Seq.Seq2SeqNetwork network) => new(network.MaxLength, network.MaxLength, 0);

    [Fact]
    public void A_resumed_training_with_dropout_reaches_the_weights_of_training_straight_through()
    {
        var data = TinyPairs.CmuDict(train: 120, validation: 10, test: 10);
        var network = TinyPairs.Network(data, "lstm", "transformer", dropout: 0.2);
        var decoding = new DecodingOptions { Examples = 0 };
        var straight = Seq2SeqTrainer.Train(network, data, 2, 1, 7, Options, decoding);
        var checkpoints = new List<TrainingCheckpoint>();
        Seq2SeqTrainer.Train(network, data, 2, 1, 7, Options, decoding, checkpoints: new TrainingCheckpoints { AfterEpoch = checkpoints.Add });
        manual_seed(1234); // the default generator moves meanwhile, as other trainings' draws would move it

        var resumed = Seq2SeqTrainer.Train(
            network, data, 2, 1, seed: 99, Options, decoding, checkpoints: new TrainingCheckpoints { StartFrom = TrainingCheckpoint.FromBytes(checkpoints[0].ToBytes()) });

        resumed.Training.StartEpoch.ShouldBe(1);
        resumed.Training.Weights.ShouldBe(straight.Training.Weights);
        resumed.Validation.ShouldBe(straight.Validation);
    }

    [Fact]
    public void Early_stopping_watches_the_fitness_and_ends_a_training_on_a_plateau()
    {
        var data = TinyPairs.CmuDict(train: 64, validation: 10, test: 10);
        var options = new TrainingOptions
        {
            Threads = 1, BatchSize = 32, LearningRate = 1e-12, LatencyWarmups = 0, LatencyRepeats = 1, EarlyStoppingPatience = 2,
        };

        var result = Seq2SeqTrainer.Train(TinyPairs.Network(data), data, 10, 1, 1, options, new DecodingOptions { Metric = TranslationScores.Wer });

        result.Training.StoppedEarly.ShouldBeTrue();
        result.Training.Epochs.ShouldBe(3);
    }

    [Fact]
    public void Hostile_decoding_options_and_image_augmentation_are_refused_with_every_problem_listed()
    {
        var data = TinyPairs.CmuDict(train: 20, validation: 5, test: 5);
        var options = new TrainingOptions { Augmentation = new(Flip: true) };
        var decoding = new DecodingOptions { BeamWidth = 17, Metric = "accuracy", Examples = 21 };

        var problem = Should.Throw<ArgumentException>(() => Seq2SeqTrainer.Train(TinyPairs.Network(data), data, 0, 2, 1, options, decoding));

        problem.Message.ShouldContain("BeamWidth must be from 1 to 16");
        problem.Message.ShouldContain("Metric must be one of bleu, wer");
        problem.Message.ShouldContain("Examples must be from 0 to 20");
        problem.Message.ShouldContain("Augmentation");
        problem.Message.ShouldContain("epochs must be at least 1");
        problem.Message.ShouldContain("dataFraction");
    }
}
