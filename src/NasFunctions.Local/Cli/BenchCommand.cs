using NasFunctions.Benchmarks;
using NasFunctions.Benchmarks.Budget;
using NasFunctions.Benchmarks.MultiFidelity;
using NasFunctions.Benchmarks.Recipe;
using NasFunctions.Benchmarks.Trainer;
using NasFunctions.Benchmarks.Translation;
using NasFunctions.Evaluator.Data;
using NasFunctions.Evaluator.Training;
using NasFunctions.Evaluator.Tabular;
using NasFunctions.SearchSpace;
using NasFunctions.Strategy;

namespace NasFunctions.Local.Cli;

/// <summary><c>nas bench strategies|trainer|fidelity|recipe|search|translation ...</c>: runs the benchmarks and prints their figures (a table, or JSON with <c>--json</c>).</summary>
public static class BenchCommand
{
    /// <summary>Runs the named benchmark; returns the process exit code.</summary>
    public static Task<int> RunAsync(CommandLine line, CancellationToken cancellationToken) =>
        Task.FromResult(line.Arguments.FirstOrDefault() switch
        {
            "strategies" => Strategies(line, cancellationToken),
            "trainer" => Trainer(line),
            "fidelity" => Fidelity(line, cancellationToken),
            "recipe" => Recipe(line, cancellationToken),
            "search" => Search(line, cancellationToken),
            "translation" => Translation(line, cancellationToken),
            _ => Usage(),
        });

    private static int Strategies(CommandLine line, CancellationToken cancellationToken)
    {
        string? path = line.String("table");
        if (path is null)
        {
            Console.Error.WriteLine("usage: nas bench strategies --table PATH [--column NAME] [--queries 150] [--seeds 100] [--batch 1] [--strategies a,b] [--json]");
            return 2;
        }

        var table = TabularBenchmark.Load(path, line.String("column"));
        var errors = new List<SpecError>();
        string spaceJson = $$"""{ "kind": "{{line.String("space", "nas-bench-201")}}" }""";
        using var document = System.Text.Json.JsonDocument.Parse(spaceJson);
        var space = SearchSpaceCatalog.FromJson(document.RootElement, "--space", errors)
            ?? throw new ArgumentException(string.Join("; ", errors));
        var names = line.String("strategies")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            ?? BenchmarkedStrategy.TableNames.ToArray();
        cancellationToken.ThrowIfCancellationRequested();
        var scores = StrategyBenchmark.Run(
            table,
            space,
            names.Select(BenchmarkedStrategy.FromCatalog).ToList(),
            line.Int("queries", 150),
            line.Int("seeds", 100),
            line.Int("batch", 1));
        Console.WriteLine(line.Options.ContainsKey("json") ? StrategyBenchmarkReport.ToJson(scores) : StrategyBenchmarkReport.ToTable(scores));
        return 0;
    }

    private static int Trainer(CommandLine line)
    {
        var defaults = new TrainerBenchmarkOptions();
        var result = TrainerBenchmark.Run(new TrainerBenchmarkOptions
        {
            Architecture = line.String("architecture", defaults.Architecture)!,
            BatchSize = line.Int("batch", defaults.BatchSize),
            WarmupSteps = line.Int("warmup", defaults.WarmupSteps),
            Steps = line.Int("steps", defaults.Steps),
            Rounds = line.Int("rounds", defaults.Rounds),
            Threads = line.Int("threads", defaults.Threads),
            Device = line.String("device", defaults.Device)!,
            Precision = line.String("precision", defaults.Precision)!,
            MatmulSize = line.Int("matmul-size", defaults.MatmulSize),
            MatmulRepeats = line.Int("matmul-repeats", defaults.MatmulRepeats),
        });
        Console.WriteLine(line.Options.ContainsKey("json") ? result.ToJson() : result.ToTable());
        return 0;
    }

    private static int Fidelity(CommandLine line, CancellationToken cancellationToken)
    {
        var defaults = new FidelityBenchmarkOptions();
        var options = new FidelityBenchmarkOptions
        {
            Architectures = line.Int("architectures", defaults.Architectures),
            Eta = line.Int("eta", defaults.Eta),
            MinEpochs = line.Int("min-epochs", defaults.MinEpochs),
            MaxEpochs = line.Int("max-epochs", defaults.MaxEpochs),
            DataFraction = line.Double("fraction", defaults.DataFraction),
            Threads = line.Int("threads", defaults.Threads),
            Seed = line.Int("seed", defaults.Seed),
        };
        var images = DatasetCache.GetOrLoad(new DatasetOptions { Name = line.String("dataset", "fashion-mnist")!, Seed = options.Seed });
        var result = FidelityBenchmark.Run(options, TrainingData.From(images), Console.Error.WriteLine, cancellationToken);
        Console.WriteLine(line.Options.ContainsKey("json") ? result.ToJson() : result.ToTable());
        return 0;
    }

    private static int Recipe(CommandLine line, CancellationToken cancellationToken)
    {
        var defaults = new RecipeBenchmarkOptions();
        var options = new RecipeBenchmarkOptions
        {
            Architecture = line.String("architecture", defaults.Architecture)!,
            TrainImages = line.Int("train", defaults.TrainImages),
            EvaluationImages = line.Int("evaluate", defaults.EvaluationImages),
            Epochs = line.Int("epochs", defaults.Epochs),
            BatchSize = line.Int("batch", defaults.BatchSize),
            Threads = line.Int("threads", defaults.Threads),
            Seed = line.Int("seed", defaults.Seed),
        };
        var images = DatasetCache.GetOrLoad(new DatasetOptions { Name = line.String("dataset", "fashion-mnist")!, Seed = options.Seed })
            .Take(options.TrainImages, options.EvaluationImages, options.EvaluationImages);
        var scores = RecipeBenchmark.Run(options, TrainingData.From(images), Console.Error.WriteLine, cancellationToken);
        Console.WriteLine(line.Options.ContainsKey("json") ? RecipeBenchmark.ToJson(scores) : RecipeBenchmark.ToTable(scores));
        return 0;
    }

    private const string SearchUsage =
        "usage: nas bench search [--minutes 30] [--retrain 0.333] [--tolerance 0] [--augment light] [--strategy NAME] [--threads N] [--seed 1] [--json]\n" +
        "  Full Fashion-MNIST, the recommended image recipe: a search for M minutes (default successive halving, eta 3, 1 to 9\n" +
        "  epochs, over evolution; or --strategy NAME with its defaults), its best architecture retrained from scratch in the last\n" +
        "  --retrain share of them (0 turns it off; --tolerance T retrains the fastest per epoch within T of the best validation\n" +
        "  accuracy, 0 to 0.2), then the reference CNN for another M minutes (each retraining times one epoch,\n" +
        "  then trains from scratch for the epochs the rest allows). The long trainings add --augment none|light|standard and\n" +
        "  label smoothing 0.1; search trials train without. The whole run takes about 2 x M minutes.";

    private static int Search(CommandLine line, CancellationToken cancellationToken)
    {
        if (line.Options.ContainsKey("help"))
        {
            Console.WriteLine(SearchUsage);
            return 0;
        }

        var defaults = new BudgetBenchmarkOptions();
        var options = new BudgetBenchmarkOptions
        {
            Minutes = line.Double("minutes", defaults.Minutes),
            RetrainShare = line.Double("retrain", defaults.RetrainShare),
            RetrainTolerance = line.Double("tolerance", defaults.RetrainTolerance),
            FinalAugmentation = line.String("augment", defaults.FinalAugmentation)!,
            Strategy = line.String("strategy"),
            Threads = line.Int("threads", defaults.Threads),
            Seed = line.Int("seed", defaults.Seed),
        };
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            return Refuse(problems, SearchUsage);
        }

        // --train and --evaluate (test-only, not in the usage) cut the data set to a small subset.
        var images = DatasetCache.GetOrLoad(new DatasetOptions { Name = options.Dataset, Seed = options.Seed });
        if (line.Options.ContainsKey("train"))
        {
            var evaluate = line.Int("evaluate", 200);
            images = images.Take(line.Int("train", 0), evaluate, evaluate);
        }

        var result = BudgetBenchmark.Run(options, TrainingData.From(images), Console.Error.WriteLine, cancellationToken: cancellationToken);
        Console.WriteLine(line.Options.ContainsKey("json") ? result.ToJson() : result.ToTable());
        return 0;
    }

    private const string TranslationUsage =
        "usage: nas bench translation [--task messages|g2p] [--minutes 20] [--retrain 0.5] [--from checkpoint|scratch] [--tolerance 0] [--space full|transformer] [--strategy NAME] [--threads N] [--seed 1] [--json]\n" +
        "       nas bench translation --architecture A [--epochs 30] [--task messages|g2p] [--space full|transformer] [--threads N] [--seed 1] [--json]\n" +
        "  English -> German Debian messages (BLEU) or CMUdict grapheme-to-phoneme (WER, the default task), 4,000 training pairs,\n" +
        "  500 validation, 1,000 test: a seq2seq search for M minutes over --space (default successive halving, eta 3, 1 to 9\n" +
        "  epochs, over evolution), its best trial trained on from its checkpoint in the last --retrain share of them (0 turns\n" +
        "  it off; --from scratch trains its architecture anew; --tolerance T takes the fastest per epoch within T of the best\n" +
        "  validation fitness, 0 to 0.2), then a one-layer attention LSTM for another M minutes. --space is transformer (the\n" +
        "  default for messages, whose recurrent networks' scores after 9 epochs swing with their seed) or full (recurrent\n" +
        "  and Transformer; the default for g2p). The whole run takes about 2 x M minutes.\n" +
        "  With --architecture A [--epochs 30] it trains A of --space alone, from scratch, with the search's recipe planned over\n" +
        "  those epochs, and prints its figures (--json: task, architecture, epochs, validation, test, metric, seconds).";

    private static int Translation(CommandLine line, CancellationToken cancellationToken)
    {
        if (line.Options.ContainsKey("help"))
        {
            Console.WriteLine(TranslationUsage);
            return 0;
        }

        // --train, --validate and --evaluate (test-only, not in the usage) cut the corpus to a small subset.
        var defaults = new TranslationBenchmarkOptions();
        var options = new TranslationBenchmarkOptions
        {
            Task = line.String("task", defaults.Task)!,
            Minutes = line.Double("minutes", defaults.Minutes),
            RetrainShare = line.Double("retrain", defaults.RetrainShare),
            RetrainTolerance = line.Double("tolerance", defaults.RetrainTolerance),
            RetrainFrom = line.String("from", defaults.RetrainFrom)!,
            SpaceName = line.String("space"),
            Strategy = line.String("strategy"),
            Threads = line.Int("threads", defaults.Threads),
            Seed = line.Int("seed", defaults.Seed),
            TrainPairs = line.Int("train", defaults.TrainPairs),
            ValidationPairs = line.Int("validate", defaults.ValidationPairs),
            TestPairs = line.Int("evaluate", defaults.TestPairs),
        };
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            return Refuse(problems, TranslationUsage);
        }

        if (line.String("architecture") is { } architecture)
        {
            return TrainOne(line, options, architecture, cancellationToken);
        }

        var result = TranslationBenchmark.Run(options, TranslationBenchmark.Load(options), Console.Error.WriteLine, cancellationToken: cancellationToken);
        Console.WriteLine(line.Options.ContainsKey("json") ? result.ToJson() : result.ToTable());
        return 0;
    }

    /// <summary><c>nas bench translation --architecture A [--epochs 30]</c>: one architecture of the space trained with the bench's recipe.</summary>
    private static int TrainOne(CommandLine line, TranslationBenchmarkOptions options, string architecture, CancellationToken cancellationToken)
    {
        var epochs = line.Int("epochs", 30);
        if (TranslationBenchmark.EpochsProblem(epochs) is { } problem)
        {
            return Refuse([problem], TranslationUsage);
        }

        try
        {
            var result = TranslationBenchmark.TrainOne(options, TranslationBenchmark.Load(options), architecture, epochs, cancellationToken);
            Console.WriteLine(line.Options.ContainsKey("json") ? result.ToJson() : result.ToLine());
            return 0;
        }
        catch (FormatException error)
        {
            return Refuse([error.Message], TranslationUsage);
        }
    }

    /// <summary>Prints the options' problems and the command's usage to standard error; the exit code 2.</summary>
    private static int Refuse(IReadOnlyList<string> problems, string usage)
    {
        Console.Error.WriteLine($"error: {string.Join(" ", problems)}");
        Console.Error.WriteLine(usage);
        return 2;
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: nas bench strategies --table PATH [--column NAME] --queries K --seeds S [--json]");
        Console.Error.WriteLine("       nas bench trainer [--device auto|cpu|cuda] [--precision fp32|bf16] [--threads N] [--batch 128] [--steps 6] [--rounds 5] [--warmup 5] [--json]");
        Console.Error.WriteLine("       nas bench fidelity [--architectures 9] [--eta 3] [--min-epochs 1] [--max-epochs 9] [--fraction 0.1] [--threads N] [--seed 1] [--json]");
        Console.Error.WriteLine("       nas bench recipe [--architecture A] [--train 10000] [--evaluate 2000] [--epochs 5] [--batch 128] [--threads N] [--seed 1] [--json]");
        Console.Error.WriteLine("       nas bench search [--minutes 30] [--retrain 0.333] [--tolerance 0] [--augment light] [--strategy NAME] [--threads N] [--seed 1] [--json]   (search and retrain, then reference CNN, M minutes each; --help)");
        Console.Error.WriteLine("       nas bench translation [--task messages|g2p] [--minutes 20] [--retrain 0.5] [--from checkpoint|scratch] [--tolerance 0] [--space full|transformer] [--strategy NAME] [--threads N] [--seed 1] [--json]   (seq2seq search and retrain, then attention LSTM; --help)");
        return 2;
    }
}
