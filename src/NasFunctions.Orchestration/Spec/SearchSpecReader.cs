using System.Text.Json;
using NasFunctions.Evaluator.Data;
using NasFunctions.Evaluator.Models;
using NasFunctions.Evaluator.Training.Optimizers;
using NasFunctions.Evaluator.Training.Schedules;
using NasFunctions.SearchSpace;
using NasFunctions.SearchSpace.MacroCnn;
using NasFunctions.Orchestration.Datasets;
using NasFunctions.Strategy;

namespace NasFunctions.Orchestration.Spec;

/// <summary>Parses and validates a search spec, listing every error it finds, against the host's <see cref="SpecLimits"/>.</summary>
public static class SearchSpecReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Reads a spec from JSON text with the default limits (<see cref="SpecLimits.Default"/>).</summary>
    public static SpecReadResult Read(string json) => Read(json, SpecLimits.Default);

    /// <summary>Reads a spec from JSON text, checked against <paramref name="limits"/>; the result has either a spec or at least one error.</summary>
    public static SpecReadResult Read(string json, SpecLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException exception)
        {
            string where = exception.LineNumber is { } line ? $" (line {line + 1}, byte {exception.BytePositionInLine + 1})" : "";
            return SpecReadResult.Invalid(new SpecError("$", $"is not valid JSON{where}"));
        }

        using (document)
        {
            var errors = new List<SpecError>();
            SpecDocument.Check(document.RootElement, "$", errors);
            if (errors.Count > 0)
            {
                return new SpecReadResult(null, errors); // repeated keys or broken text: no field is read
            }

            var spec = Read(document.RootElement, limits, errors);
            return errors.Count == 0 && spec is not null ? new SpecReadResult(spec, []) : new SpecReadResult(null, errors);
        }
    }

    private static SearchSpec? Read(JsonElement root, SpecLimits limits, List<SpecError> errors)
    {
        var spec = SpecObject.From(root, "$", errors);
        if (spec is null)
        {
            return null;
        }

        string name = ReadName(spec, limits);
        long seed = spec.Long("seed", 0, 0, int.MaxValue);
        var spaceField = spec.Field("space");
        var space = spaceField is { } spaceElement
            ? SearchSpaceCatalog.FromJson(spaceElement, spec.PathOf("space"), errors)
            : MacroCnnSpace.Default;
        int before = errors.Count;
        var dataset = ReadDataset(spec.Object("dataset"), spec.PathOf("dataset"), limits, errors);
        bool datasetNamed = !errors.Skip(before).Any(e => e.Path == SpecJson.Property(spec.PathOf("dataset"), "name"));
        var budget = ReadBudget(spec.Object("budget"), limits);
        var (training, searched) = ReadTraining(spec.Object("training"), limits, space, dataset, errors);
        if (space is not null && searched is not null)
        {
            space = new JointSearchSpace(space, searched); // the strategy decides the network and these settings together
        }

        var strategy = ReadStrategy(spec, errors);
        var decoding = ReadDecoding(spec.Object("decoding"), space, errors);
        spec.RejectUnknown();
        bool paired = space is not null
            && CheckPairing(space, dataset, spec.Field("dataset") is null ? spec.PathOf("dataset") : SpecJson.Property(spec.PathOf("dataset"), "name"), errors);
        if (datasetNamed && paired)
        {
            DatasetFit.Check(spaceField, spec.PathOf("space"), dataset.Name, errors);
        }

        int? planned = null;
        if (strategy is not null)
        {
            // Checked against the default space when the given one is invalid, so the strategy's errors are listed too.
            var fidelity = new Fidelity(training.Epochs, training.DataFraction);
            var created = StrategyCatalog.Create(
                strategy.Name,
                strategy.Options,
                space ?? MacroCnnSpace.Default,
                fidelity,
                spec.PathOf("strategy"),
                errors);
            if (created is not null)
            {
                planned = PlannedLength.Epochs(created, fidelity);
                TrainingRecipeReader.CheckWarmup(training.TrialSchedule, planned.Value, errors);
                (created as IDisposable)?.Dispose();
            }
        }

        return space is null || strategy is null ? null : new SearchSpec(name, seed, space, dataset, strategy, budget, training, planned, decoding);
    }

    /// <summary>The search's label: at most the limit's characters, no control characters (default <c>search</c>).</summary>
    private static string ReadName(SpecObject spec, SpecLimits limits)
    {
        string name = spec.String("name", "search");
        if (name.Length > limits.MaxNameLength)
        {
            spec.Error("name", $"must be at most {limits.MaxNameLength} characters, not {name.Length}");
            return "search";
        }

        if (name.Any(char.IsControl))
        {
            spec.Error("name", "must not hold control characters (line breaks, tabs, NUL)");
            return "search";
        }

        return name;
    }

    private static DatasetSpec ReadDataset(SpecObject? dataset, string path, SpecLimits limits, List<SpecError> errors)
    {
        if (dataset is null)
        {
            return DatasetSpec.Default;
        }

        var defaults = DatasetSpec.Default;
        var result = new DatasetSpec(
            dataset.String("name", defaults.Name, DatasetSpec.Known),
            dataset.OptionalString("path"),
            dataset.Number("validationFraction", defaults.ValidationFraction, 0, 0.5),
            dataset.String("labelColumn", defaults.LabelColumn),
            dataset.String("textColumn", defaults.TextColumn),
            dataset.Number("testFraction", defaults.TestFraction, 0, 0.5),
            dataset.Int("maxVocabulary", defaults.MaxVocabulary, 3, 10_000_000),
            dataset.Int("maxLength", defaults.MaxLength, 1, 100_000),
            dataset.Field("tokenizer") is null ? null : dataset.String("tokenizer", "bpe", [.. DatasetSpec.Tokenizers.Keys]));
        dataset.RejectUnknown();
        if (result.Tokenizer is not null && !result.ToOptions(0).IsParallel)
        {
            dataset.Error("tokenizer", $"is for the parallel data sets ({string.Join(", ", DatasetOptions.ParallelNames)}); leave it out for '{result.Name}'");
        }

        // The loader's own rules (a path for data sets without a default folder, blank columns), each listed.
        if (DatasetSpec.Known.Contains(result.Name))
        {
            errors.AddRange(result.ToOptions(0).Validate().Select(problem => new SpecError(path, problem)));
        }

        // A cloud data set's form only: whether its blobs exist is found out where it is downloaded.
        if (BlobDatasetPath.IsBlob(result.Path))
        {
            foreach (var problem in BlobDatasetPath.Problems(result.Path!, result.ToOptions(0).Kind))
            {
                dataset.Error("path", problem);
            }
        }
        else if (result.Path is { } local && limits.DataRoots.Problem(local) is { } problem)
        {
            dataset.Error("path", problem); // the same words whether or not a file outside the roots exists
        }

        return result;
    }

    /// <summary>Adds an error when the space's networks cannot take the data set's samples (images, feature rows, texts); false then.</summary>
    private static bool CheckPairing(ISearchSpace space, DatasetSpec dataset, string path, List<SpecError> errors)
    {
        ModelInput wanted;
        try
        {
            wanted = ModelFactory.InputOf(space);
        }
        catch (NotSupportedException)
        {
            return true; // a custom space: its evaluator decides
        }

        var kind = dataset.ToOptions(0).Kind;
        var has = kind switch
        {
            DatasetKind.Csv => ModelInput.Features,
            DatasetKind.TextCsv or DatasetKind.SpamAssassin => ModelInput.Tokens,
            DatasetKind.ParallelTsv or DatasetKind.DebianMessages or DatasetKind.CmuDict => ModelInput.Pairs,
            _ => ModelInput.Images,
        };
        if (has != wanted)
        {
            var fits = wanted switch
            {
                ModelInput.Images => "fashion-mnist, mnist or cifar10",
                ModelInput.Features => "csv",
                ModelInput.Pairs => string.Join(", ", DatasetOptions.ParallelNames),
                _ => "text-csv or spam-assassin",
            };
            errors.Add(new SpecError(path,
                $"data set '{dataset.Name}' holds {Describe(has)} but search space '{space.Kind}' trains on {Describe(wanted)}; use {fits}"));
            return false;
        }

        return true;
    }

    private static string Describe(ModelInput input) => input switch
    {
        ModelInput.Images => "images",
        ModelInput.Features => "feature rows",
        ModelInput.Pairs => "text pairs (source and translation)",
        _ => "texts",
    };

    private static SearchBudget ReadBudget(SpecObject? budget, SpecLimits limits)
    {
        if (budget is null)
        {
            return SearchBudget.Default;
        }

        var defaults = SearchBudget.Default;
        int rounds = budget.Int("rounds", defaults.Rounds, 1, 10_000);
        int perRound = budget.Int("candidatesPerRound", defaults.CandidatesPerRound, 1, 1_000);
        if ((long)rounds * perRound > limits.MaxTrials)
        {
            budget.Error("candidatesPerRound",
                $"rounds x candidatesPerRound is {(long)rounds * perRound} trials; this host allows at most {limits.MaxTrials} per search");
        }

        int maxTrials = budget.Int("maxTrials", Math.Min(rounds * perRound, limits.MaxTrials), 1, limits.MaxTrials);
        int parallel = budget.Int("maxParallelTrials", defaults.MaxParallelTrials, 1, 1_000);
        int? maxFailed = budget.Field("maxFailedTrials") is null ? null : budget.Int("maxFailedTrials", SearchBudget.DefaultFailedTrialCap(maxTrials), 0, 1_000_000);
        var wallClock = SpecDuration.Read(budget, "maxWallClock", limits.MaxWallClock, TimeSpan.FromSeconds(1), limits.MaxWallClock);
        double? compute = budget.Field("maxComputeSeconds") is null ? null : budget.Number("maxComputeSeconds", limits.MaxComputeSeconds, 0, limits.MaxComputeSeconds);
        budget.RejectUnknown();
        return new SearchBudget(rounds, perRound, maxTrials, parallel, maxFailed, wallClock, compute);
    }

    private static (TrainingSpec Training, IReadOnlyList<SearchSpace.Language.ScalarParameter>? Searched) ReadTraining(
        SpecObject? training, SpecLimits limits, ISearchSpace? space, DatasetSpec dataset, List<SpecError> errors)
    {
        if (training is null)
        {
            return (TrainingSpec.Default, null);
        }

        var defaults = TrainingSpec.Default;
        int batchSize = training.Int("batchSize", defaults.BatchSize, 1, limits.MaxBatchSize);
        var recipe = TrainingRecipeReader.ReadRecipe(training, space, batchSize);
        var (optimizer, weightDecay) = TrainingRecipeReader.ReadOptimizer(training, recipe, errors);
        var schedule = TrainingRecipeReader.ReadSchedule(training, recipe, limits, errors);
        var result = new TrainingSpec(
            training.Int("epochs", defaults.Epochs, 1, limits.MaxEpochs),
            training.Number("dataFraction", defaults.DataFraction, 0, 1),
            batchSize,
            training.Number("learningRate", recipe.LearningRate, 0, 10),
            training.Int("threads", defaults.Threads, 0, limits.MaxThreads),
            training.String("device", defaults.Device, TrainingSpec.Devices),
            ReadEarlyStopping(training.Object("earlyStopping")),
            training.String("precision", defaults.Precision, TrainingSpec.Precisions),
            SpecDuration.Read(training, "timeout", TrainingSpec.DefaultTimeout, TimeSpan.FromSeconds(1), TrainingSpec.LongestTimeout),
            ReadRetry(training.Object("retry")),
            recipe.Name,
            weightDecay,
            optimizer == new OptimizerOptions() ? null : optimizer, // null is the default, so a spec without them reads as before
            schedule == new ScheduleOptions() ? null : schedule,
            RegularizationSpecReader.LabelSmoothing(training, errors),
            RegularizationSpecReader.GradientClip(training, errors),
            RegularizationSpecReader.Augmentation(training, dataset, errors) is { IsNone: false } augmentation ? augmentation : null);
        if (result.Precision == "bf16" && result.Device == "cpu")
        {
            training.Error("precision", "bf16 is for CUDA hosts: set \"device\" to \"cuda\" or \"auto\"");
        }

        var searched = TrainingSearchReader.Read(training, limits, errors);
        training.RejectUnknown();
        return (result, searched);
    }

    /// <summary>The decoding of a seq2seq search (default greedy, BLEU, five examples); an error on any other space.</summary>
    private static DecodingSpec? ReadDecoding(SpecObject? decoding, ISearchSpace? space, List<SpecError> errors)
    {
        if (decoding is null)
        {
            return null;
        }

        var defaults = DecodingSpec.Default;
        var result = new DecodingSpec(
            decoding.Int("beamWidth", defaults.BeamWidth, 1, Evaluator.Training.Seq2Seq.SequenceDecoding.MostBeamWidth),
            decoding.String("fitness", defaults.Fitness, Evaluator.Training.Seq2Seq.DecodingOptions.Metrics),
            decoding.Int("examples", defaults.Examples, 0, Evaluator.Training.Seq2Seq.DecodingOptions.MostExamples),
            decoding.Int("validationSentences", defaults.ValidationSentences, 1, Evaluator.Training.Seq2Seq.DecodingOptions.MostSentences),
            decoding.Number("lengthBase", defaults.LengthBase, 0, Evaluator.Training.Seq2Seq.DecodingOptions.MostLengthBase),
            decoding.Number("lengthPerSourceToken", defaults.LengthPerSourceToken, 0, Evaluator.Training.Seq2Seq.DecodingOptions.MostLengthPerSourceToken));
        decoding.RejectUnknown();
        if (space is not null && (space is JointSearchSpace joint ? joint.Network : space) is not SearchSpace.Seq2Seq.Seq2SeqSpace)
        {
            errors.Add(new SpecError(decoding.Path, $"is for the seq2seq space; search space '{space.Kind}' classifies, so leave it out"));
        }

        return result;
    }

    private static EarlyStoppingSpec? ReadEarlyStopping(SpecObject? earlyStopping)
    {
        if (earlyStopping is null)
        {
            return null;
        }

        var defaults = EarlyStoppingSpec.Default;
        var result = new EarlyStoppingSpec(
            earlyStopping.Int("patience", defaults.Patience, 1, 1_000),
            earlyStopping.Number("minGain", defaults.MinGain, 0, 1));
        earlyStopping.RejectUnknown();
        return result;
    }

    private static RetrySpec? ReadRetry(SpecObject? retry)
    {
        if (retry is null)
        {
            return null;
        }

        var defaults = RetrySpec.Default;
        var result = new RetrySpec(
            retry.Int("attempts", defaults.Attempts, 1, RetrySpec.MostAttempts),
            SpecDuration.Read(retry, "backoff", defaults.Backoff, TimeSpan.Zero, RetrySpec.LongestBackoff) ?? defaults.Backoff);
        retry.RejectUnknown();
        return result;
    }

    private static StrategySpec? ReadStrategy(SpecObject spec, List<SpecError> errors)
    {
        if (spec.Field("strategy") is not { } element)
        {
            return StrategySpec.Default;
        }

        if (element.ValueKind == JsonValueKind.String)
        {
            return new StrategySpec(element.GetString()!, null);
        }

        var strategy = SpecObject.From(element, spec.PathOf("strategy"), errors);
        if (strategy is null)
        {
            return null;
        }

        string? name = strategy.OptionalString("name");
        var options = strategy.Field("options")?.Clone();
        strategy.RejectUnknown();
        if (name is null)
        {
            strategy.Error("name", "is required (for example \"random\")");
            return null;
        }

        return new StrategySpec(name, options);
    }
}
