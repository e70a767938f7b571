using NasFunctions.Evaluator.Training.Optimizers;
using NasFunctions.Evaluator.Training.Schedules;
using NasFunctions.Orchestration.Spec;
using NasFunctions.SearchSpace;

namespace NasFunctions.Orchestration.Tests.Spec;

/// <summary>The spec's recipe, optimizer and schedule: defaults, the recommended recipe, replacements, and every error at its path.</summary>
public sealed class TrainingRecipeSpecTests
{
    private static TrainingSpec Training(string training, string extra = "")
    {
        var result = SearchSpecReader.Read($$"""{ {{extra}} "training": {{training}} }""");
        result.Errors.ShouldBeEmpty();
        return result.Spec!.Training;
    }

    private static IReadOnlyList<SpecError> Errors(string training, string extra = "") =>
        SearchSpecReader.Read($$"""{ {{extra}} "training": {{training}} }""").Errors;

    [Fact]
    public void Without_the_fields_a_trial_trains_with_adam_at_a_constant_rate_as_before()
    {
        var training = Training("""{ "epochs": 2 }""");

        (training.Recipe, training.LearningRate, training.WeightDecay, training.Optimizer, training.Schedule).ShouldBe(("adam", 1e-3, 0.0, null, null));
        training.TrialOptimizer.ShouldBe(new OptimizerOptions());
        training.TrialSchedule.Name.ShouldBe("constant");
        SearchSpecReader.Read("{}").Spec!.Training.ShouldBe(TrainingSpec.Default);
    }

    [Fact]
    public void Reads_an_optimizer_and_a_schedule_in_full()
    {
        var training = Training("""
            { "epochs": 10, "learningRate": 0.2,
              "optimizer": { "name": "sgd", "momentum": 0.8, "nesterov": false, "weightDecay": 0.0005 },
              "schedule": { "name": "cosine", "warmupEpochs": 1.5, "minFactor": 0.01 } }
            """);

        training.LearningRate.ShouldBe(0.2);
        training.WeightDecay.ShouldBe(0.0005);
        training.TrialOptimizer.ShouldBe(new OptimizerOptions { Name = "sgd", Momentum = 0.8, Nesterov = false });
        training.TrialSchedule.ShouldBe(new ScheduleOptions { Name = "cosine", WarmupEpochs = 1.5, MinFactor = 0.01 });
    }

    [Fact]
    public void Reads_adam_betas_step_milestones_and_one_cycle_factors()
    {
        Training("""{ "optimizer": { "name": "adamw", "betas": [0.8, 0.99], "epsilon": 1e-6, "weightDecay": 0.05 } }""").TrialOptimizer
            .ShouldBe(new OptimizerOptions { Name = "adamw", Beta1 = 0.8, Beta2 = 0.99, Epsilon = 1e-6 });
        Training("""{ "epochs": 4, "schedule": { "name": "step", "milestones": [0.3, 0.6, 0.9], "gamma": 0.5 } }""").TrialSchedule
            .ShouldBe(new ScheduleOptions { Name = "step", Milestones = [0.3, 0.6, 0.9], Gamma = 0.5 });
        Training("""{ "schedule": { "name": "onecycle", "percentStart": 0.25, "divFactor": 10, "finalDivFactor": 100 } }""").TrialSchedule
            .ShouldBe(new ScheduleOptions { Name = "onecycle", PercentStart = 0.25, DivFactor = 10, FinalDivFactor = 100 });
    }

    [Fact]
    public void A_bare_name_is_that_rule_with_its_defaults()
    {
        var training = Training("""{ "optimizer": "adamw", "schedule": "onecycle" }""");

        training.TrialOptimizer.ShouldBe(new OptimizerOptions { Name = "adamw" });
        training.TrialSchedule.ShouldBe(new ScheduleOptions { Name = "onecycle" });
        training.WeightDecay.ShouldBe(0);
    }

    [Fact]
    public void The_recommended_recipe_for_images_is_sgd_nesterov_with_a_cosine_decay_scaled_to_the_batch()
    {
        var training = Training("""{ "recipe": "recommended", "batchSize": 128 }""");

        (training.Recipe, training.LearningRate, training.WeightDecay).ShouldBe(("recommended", 0.05, 5e-4));
        training.TrialOptimizer.ShouldBe(new OptimizerOptions { Name = "sgd", Momentum = 0.9, Nesterov = true });
        training.TrialSchedule.ShouldBe(new ScheduleOptions { Name = "cosine" });
        Training("""{ "recipe": "recommended", "batchSize": 512 }""").LearningRate.ShouldBe(0.2);
    }

    [Fact]
    public void The_recommended_recipe_for_feature_rows_and_texts_is_adamw()
    {
        var mlp = Training("""{ "recipe": "recommended" }""", """ "space": { "kind": "mlp", "inputs": 4, "classes": 2 }, "dataset": { "name": "csv", "path": "blob:tables/wine.csv", "labelColumn": "class" }, """);
        var text = Training("""{ "recipe": "recommended" }""", """ "space": { "kind": "text-encoder", "vocabulary": 100, "maxLength": 8, "classes": 2 }, "dataset": { "name": "spam-assassin" }, """);

        (mlp.TrialOptimizer.Name, mlp.LearningRate, mlp.WeightDecay, mlp.TrialSchedule.Name).ShouldBe(("adamw", 1e-3, 0.01, "cosine"));
        (text.TrialOptimizer.Name, text.TrialSchedule.WarmupEpochs).ShouldBe(("adamw", 0.1));
    }

    [Fact]
    public void Given_parts_replace_the_recipes_and_a_rule_of_its_name_keeps_its_values()
    {
        var sameRule = Training("""{ "recipe": "recommended", "learningRate": 0.1, "optimizer": { "momentum": 0.95 } }""");
        var otherRule = Training("""{ "recipe": "recommended", "optimizer": { "name": "adamw" }, "schedule": "step" }""");

        (sameRule.LearningRate, sameRule.WeightDecay, sameRule.TrialOptimizer.Momentum, sameRule.TrialOptimizer.Nesterov).ShouldBe((0.1, 5e-4, 0.95, true));
        (otherRule.TrialOptimizer.Name, otherRule.WeightDecay, otherRule.TrialSchedule.Name).ShouldBe(("adamw", 0.0, "step"));
        otherRule.LearningRate.ShouldBe(0.05, "the learning rate is the recipe's unless given");
    }

    [Fact]
    public void Every_error_is_listed_at_its_path()
    {
        var errors = Errors("""
            { "recipe": "fast",
              "optimizer": { "name": "adamw", "momentum": 0.9, "weightDecay": 2, "betas": [0.9], "epsilon": 0, "lr": 1 },
              "schedule": { "name": "step", "milestones": [0.8, 0.4], "gamma": 1, "minFactor": 0.1 } }
            """);

        errors.Select(e => e.Path).ShouldBe(
            [
                "$.training.recipe", "$.training.optimizer.momentum", "$.training.optimizer.epsilon", "$.training.optimizer.betas",
                "$.training.optimizer.weightDecay", "$.training.optimizer.lr", "$.training.schedule.minFactor",
                "$.training.schedule.milestones", "$.training.schedule.gamma",
            ],
            ignoreOrder: true);
        errors.Single(e => e.Path.EndsWith("momentum", StringComparison.Ordinal)).Message.ShouldContain("for sgd only");
    }

    [Theory]
    [InlineData("""{ "optimizer": "rmsprop" }""", "$.training.optimizer", "adam, adamw, sgd")]
    [InlineData("""{ "schedule": { "name": "linear" } }""", "$.training.schedule.name", "constant, cosine, onecycle, step")]
    [InlineData("""{ "schedule": { "name": "onecycle", "warmupEpochs": 1 } }""", "$.training.schedule.warmupEpochs", "percentStart")]
    [InlineData("""{ "optimizer": { "name": "sgd", "momentum": 0 } }""", "$.training.optimizer", "Nesterov")]
    [InlineData("""{ "optimizer": { "name": "sgd", "nesterov": "yes" } }""", "$.training.optimizer.nesterov", "true or false")]
    [InlineData("""{ "optimizer": 3 }""", "$.training.optimizer", "object")]
    [InlineData("""{ "epochs": 2, "schedule": { "name": "cosine", "warmupEpochs": 2 } }""", "$.training.schedule.warmupEpochs", "2 epoch(s)")]
    public void A_wrong_field_is_one_clear_error(string training, string path, string says)
    {
        var error = Errors(training).ShouldHaveSingleItem();

        error.Path.ShouldBe(path);
        error.Message.ShouldContain(says);
    }

    [Fact]
    public void The_schedule_is_planned_over_a_halving_brackets_top_rung()
    {
        var halving = SearchSpecReader.Read("""
            { "strategy": { "name": "halving", "options": { "minEpochs": 1, "maxEpochs": 9 } },
              "training": { "epochs": 3, "schedule": { "name": "cosine", "warmupEpochs": 4 } } }
            """).Spec!;
        var hyperband = SearchSpecReader.Read("""{ "strategy": { "name": "hyperband" }, "training": { "epochs": 27 } }""").Spec!;
        var random = SearchSpecReader.Read("""{ "strategy": "random", "training": { "epochs": 3 } }""").Spec!;
        var constrained = SearchSpecReader.Read("""
            { "strategy": { "name": "halving", "options": { "maxEpochs": 9, "objectives": { "maxParameters": 100000 } } }, "training": { "epochs": 3 } }
            """).Spec!;

        (halving.ScheduleEpochs, hyperband.ScheduleEpochs, random.ScheduleEpochs, constrained.ScheduleEpochs).ShouldBe((9, 27, 3, 9));
    }

    [Fact]
    public void Searched_settings_join_the_space_so_a_strategy_decides_them_with_the_network()
    {
        var read = SearchSpecReader.Read("""
            { "strategy": "evolution",
              "training": { "recipe": "recommended", "search": {
                  "learningRate": { "float": [0.01, 0.1], "log": true, "levels": 3 }, "optimizer": { "choice": ["sgd", "adamw"] },
                  "batchSize": { "int": [64, 128], "step": 64 } } } }
            """);
        read.Errors.ShouldBeEmpty();
        var spec = read.Spec!;

        var joint = spec.Space.ShouldBeOfType<JointSearchSpace>();
        joint.Settings.Select(s => s.Name).ShouldBe(["learningRate", "batchSize", "optimizer"]);
        joint.Settings[0].Values.ShouldBe(["0.01", "0.0316228", "0.1"]);
        var architecture = joint.Parse("conv3x3/32+bn@learningRate=0.1;batchSize=64;optimizer=adamw");
        var options = NasFunctions.Orchestration.Evaluation.TrialRecipe.Apply(new Evaluator.Training.TrainingOptions(), spec.Training, spec.Space, architecture);
        (options.LearningRate, options.BatchSize, options.Optimizer.Name, options.WeightDecay).ShouldBe((0.1, 64, "adamw", 5e-4));
        var plain = NasFunctions.Orchestration.Evaluation.TrialRecipe.Apply(new Evaluator.Training.TrainingOptions(), spec.Training, joint.Network, joint.NetworkOf(architecture));
        (plain.LearningRate, plain.BatchSize, plain.Optimizer.Name).ShouldBe((spec.Training.LearningRate, 128, "sgd"));
    }

    [Theory]
    [InlineData("""{ "search": { "momentum": { "choice": [0.9] } } }""", "$.training.search.momentum", "not a setting")]
    [InlineData("""{ "search": { "learningRate": { "float": [0, 20] } } }""", "$.training.search.learningRate", "at most 10")]
    [InlineData("""{ "search": { "optimizer": { "choice": ["sgd", "lion"] } } }""", "$.training.search.optimizer", "lion")]
    [InlineData("""{ "search": { "batchSize": { "int": [0, 64], "step": 64 } } }""", "$.training.search.batchSize", "whole numbers")]
    [InlineData("""{ "search": {} }""", "$.training.search", "at least one")]
    [InlineData("""{ "search": [1] }""", "$.training.search", "must be an object")]
    public void A_wrong_searched_setting_is_one_clear_error(string training, string path, string says)
    {
        var error = Errors(training).ShouldHaveSingleItem();

        error.Path.ShouldBe(path);
        error.Message.ShouldContain(says);
    }

    [Fact]
    public void The_demo_spec_reads_with_the_recommended_recipe()
    {
        var demo = SearchSpecReader.Read(File.ReadAllText(RepositoryFiles.Find("src/NasFunctions.Local/specs/fashion-mnist-demo.json")));

        demo.Errors.ShouldBeEmpty();
        (demo.Spec!.Training.Recipe, demo.Spec.Training.TrialOptimizer.Name, demo.Spec.Training.TrialSchedule.Name).ShouldBe(("recommended", "sgd", "cosine"));
    }
}
