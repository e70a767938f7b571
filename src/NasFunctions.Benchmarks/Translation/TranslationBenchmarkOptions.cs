using NasFunctions.Evaluator.Data;
using NasFunctions.Evaluator.Training.Seq2Seq;

namespace NasFunctions.Benchmarks.Translation;

/// <summary>What the translation benchmark runs: a seq2seq search and a small attention LSTM, each for the same wall-clock minutes on one corpus.</summary>
public sealed record TranslationBenchmarkOptions
{
    /// <summary>The tasks: English -> German software messages (BLEU), or English grapheme-to-phoneme on CMUdict (WER).</summary>
    public static IReadOnlyList<string> Tasks { get; } = ["messages", "g2p"];

    /// <summary>
    /// The whole seq2seq space of the bench (its vocabularies are replaced by the corpus's), grapheme-to-phoneme's default:
    /// LSTM, GRU or Transformer encoders and decoders. Dropout is 0.1 or 0.3, not 0: on 4,000 pairs a network without it
    /// overfits when trained on (a g2p retraining at dropout 0 fell from 68.0 to 75.1 validation WER from 9 to 43 epochs).
    /// </summary>
    public const string FullSpace = """
        { "kind": "seq2seq", "sourceVocabulary": 8000, "targetVocabulary": 8000, "maxLength": 48,
          "encoders": ["lstm", "gru", "transformer"], "decoders": ["lstm", "gru", "transformer"], "encoderLayers": [1, 2],
          "decoderLayers": [1, 2], "embedding": [64, 128], "width": [64, 128, 256], "heads": [2, 4], "feedForward": [256, 512],
          "norm": ["pre"], "tiedEmbeddings": [false, true], "dropout": [0.1, 0.3] }
        """;

    /// <summary>
    /// The Transformer half of <see cref="FullSpace"/>, the messages task's default: on that corpus a recurrent network's score
    /// after a trial's 9 epochs is mostly its seed's (a two-layer LSTM encoder with a GRU decoder had 9.03 validation BLEU as a
    /// search trial and 2.62 trained alone with another seed; a two-layer Transformer 4.50), so a search whose trials end at
    /// 9 epochs ranks the recurrent networks' luck, while Transformers climb further when trained on (see the README).
    /// </summary>
    public const string TransformerSpace = """
        { "kind": "seq2seq", "sourceVocabulary": 8000, "targetVocabulary": 8000, "maxLength": 48,
          "encoders": ["transformer"], "decoders": ["transformer"], "encoderLayers": [1, 2], "decoderLayers": [1, 2],
          "embedding": [64, 128], "width": [64, 128, 256], "heads": [2, 4], "feedForward": [256, 512], "norm": ["pre"],
          "tiedEmbeddings": [false, true], "dropout": [0.1, 0.3] }
        """;

    /// <summary>The spaces by name: "full" (<see cref="FullSpace"/>) and "transformer" (<see cref="TransformerSpace"/>).</summary>
    public static IReadOnlyDictionary<string, string> Spaces { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["full"] = FullSpace, ["transformer"] = TransformerSpace,
    };

    /// <summary>The baseline: one-layer LSTM encoder and attention LSTM decoder, embedding 64, width 128, dropout 0.1.</summary>
    public const string BaselineArchitecture =
        "encoder=lstm;encoderLayers=1;decoder=lstm;decoderLayers=1;embedding=64;width=128;heads=2;feedForward=256;norm=pre;tiedEmbeddings=false;dropout=0.1";

    /// <summary>"messages" or "g2p" (default).</summary>
    public string Task { get; init; } = "g2p";

    /// <summary>The search space by name (<see cref="Spaces"/>); null (default) means the task's: "transformer" for messages, "full" for grapheme-to-phoneme.</summary>
    public string? SpaceName { get; init; }

    /// <summary>The search space, as a spec's <c>space</c> object.</summary>
    public string Space => Spaces.TryGetValue(SpaceName ?? (Task == "messages" ? "transformer" : "full"), out var space) ? space : FullSpace;

    /// <summary>Wall-clock minutes the search gets, and again the baseline; default 20.</summary>
    public double Minutes { get; init; } = 20;

    /// <summary>
    /// The share of the search's minutes spent retraining its best architecture from scratch (<see cref="Budget.BudgetBenchmarkOptions.RetrainShare"/>);
    /// 0 to 0.9, default 0.5: a seq2seq network converges over hundreds of epochs on these corpora (the baseline trains 136 to 617), far beyond a search trial's 9.
    /// </summary>
    public double RetrainShare { get; init; } = 0.5;

    /// <summary>Where the retraining starts: "checkpoint" (default), the chosen trial's weights trained on; or "scratch", its architecture trained anew.</summary>
    /// <remarks>
    /// From the checkpoint, the search's epochs of that trial are kept and no epoch is spent timing (<see cref="Budget.BudgetBenchmark.Continue"/>):
    /// BLEU on the messages corpus still climbs after 30 epochs, so every epoch of the final training counts.
    /// </remarks>
    public string RetrainFrom { get; init; } = "checkpoint";

    /// <summary>The values <see cref="RetrainFrom"/> takes.</summary>
    public static IReadOnlyList<string> RetrainStarts { get; } = ["checkpoint", "scratch"];

    /// <summary>
    /// How far below the best validation score (0 to 1) a trial may be and still be retrained for being faster per epoch
    /// (<see cref="Budget.RetrainChoice"/>); 0 to 0.2, default 0: the best trial's architecture is retrained.
    /// </summary>
    public double RetrainTolerance { get; init; }

    /// <summary>A strategy of the catalog by name with its defaults; null (default) means successive halving over evolution (1 to 9 epochs).</summary>
    public string? Strategy { get; init; }

    /// <summary>Training pairs (the first of the corpus's train split); default 4,000, so a first trial's epoch ends within a minute or two on two loaded cores.</summary>
    public int TrainPairs { get; init; } = 4_000;

    /// <summary>Validation pairs, all of them decoded for the fitness; default 500.</summary>
    public int ValidationPairs { get; init; } = 500;

    /// <summary>Test pairs (reported); default 1,000.</summary>
    public int TestPairs { get; init; } = 1_000;

    /// <summary>Epochs of a trial for strategies without rungs; default 9.</summary>
    public int Epochs { get; init; } = 9;

    /// <summary>Architectures a round asks for; default 9.</summary>
    public int CandidatesPerRound { get; init; } = 9;

    /// <summary>Pairs per batch; default 64.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Torch threads; default 1 (on two cores shared with other work, one thread trained a g2p epoch faster than two); 0 means every core.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Seeds the splits, the strategy, the weights and the data order; default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The fitness and reported metric of the task: BLEU for messages, WER for grapheme-to-phoneme.</summary>
    public string Metric => Task == "messages" ? TranslationScores.Bleu : TranslationScores.Wer;

    /// <summary>
    /// Greedy decoding, no examples, the whole validation split decoded, and the task's length bound: a sentence has at most
    /// 3 + 1 phoneme per letter (grapheme-to-phoneme) or 8 + 1.5 German tokens per English one (messages); see <see cref="DecodingLength"/>.
    /// </summary>
    public DecodingOptions Decoding => new()
    {
        Metric = Metric, Examples = 0, ValidationSentences = ValidationPairs,
        LengthBase = Task == "messages" ? 8 : 3, LengthPerSourceToken = Task == "messages" ? 1.5 : 1,
    };

    /// <summary>The corpus's loader options.</summary>
    public DatasetOptions Dataset => Task == "messages"
        ? new DatasetOptions { Name = "debian-messages", MaxLength = 48, MaxVocabulary = 8_000, Seed = Seed }
        : new DatasetOptions { Name = "cmudict", MaxLength = 32, Seed = Seed };

    /// <summary>Every problem with these options; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!Tasks.Contains(Task))
        {
            errors.Add($"Task must be one of {string.Join(", ", Tasks)} (was '{Task}').");
        }

        if (!(Minutes > 0 && Minutes <= 24 * 60))
        {
            errors.Add($"Minutes must be more than 0 and at most 1440 (was {Minutes}).");
        }

        if (Budget.BudgetBenchmarkOptions.RetrainProblem(RetrainShare) is { } retrain)
        {
            errors.Add(retrain);
        }

        if (SpaceName is not null && !Spaces.ContainsKey(SpaceName))
        {
            errors.Add($"SpaceName must be one of {string.Join(", ", Spaces.Keys)} (was '{SpaceName}').");
        }

        if (!RetrainStarts.Contains(RetrainFrom))
        {
            errors.Add($"RetrainFrom must be one of {string.Join(", ", RetrainStarts)} (was '{RetrainFrom}').");
        }

        if (Budget.RetrainChoice.Problem(RetrainTolerance) is { } tolerance)
        {
            errors.Add(tolerance);
        }

        if (Strategy is not null && !NasFunctions.Strategy.StrategyCatalog.Names.Contains(Strategy, StringComparer.Ordinal))
        {
            errors.Add($"Strategy '{Strategy}' is unknown; known strategies: {string.Join(", ", NasFunctions.Strategy.StrategyCatalog.Names)}.");
        }

        if (ValidationPairs > DecodingOptions.MostSentences)
        {
            errors.Add($"ValidationPairs must be at most {DecodingOptions.MostSentences} (was {ValidationPairs}).");
        }

        if (TrainPairs < 1 || ValidationPairs < 1 || TestPairs < 1 || Epochs < 1 || CandidatesPerRound < 1 || BatchSize < 1 || Threads < 0)
        {
            errors.Add($"TrainPairs, ValidationPairs, TestPairs, Epochs, CandidatesPerRound and BatchSize must be positive and Threads 0 or more " +
                $"(were {TrainPairs}, {ValidationPairs}, {TestPairs}, {Epochs}, {CandidatesPerRound}, {BatchSize}, {Threads}).");
        }

        return errors;
    }
}
