using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NasFunctions.Storage;

namespace NasFunctions.Local.Tests;

/// <summary>A translation search through the HTTP API of a real local host: Azurite, DTFx on Azure Storage, seq2seq trials on real CMUdict pairs.</summary>
[Collection(EndToEndCollection.Name)]
public class TranslationEndToEndTests(LocalHostFixture fixture)
{
    private const string TinyTranslation = """
        {
          "name": "e2e-translation", "seed": 21,
          "space": { "kind": "seq2seq", "sourceVocabulary": 40, "targetVocabulary": 50, "maxLength": 24, "encoders": ["gru", "transformer"],
                     "decoders": ["gru"], "encoderLayers": [1], "decoderLayers": [1], "embedding": [32], "width": [32, 64], "heads": [2],
                     "feedForward": [64], "norm": ["pre"], "tiedEmbeddings": [false], "dropout": [0] },
          "dataset": { "name": "cmudict", "maxLength": 24 },
          "budget": { "rounds": 2, "candidatesPerRound": 2, "maxParallelTrials": 2 },
          "training": { "epochs": 1, "dataFraction": 0.004, "batchSize": 32, "learningRate": 0.01 },
          "decoding": { "fitness": "bleu", "examples": 3 }
        }
        """;

    [Fact]
    public async Task A_translation_search_runs_end_to_end_with_bleu_in_the_table_and_weights_in_blobs()
    {
        var status = await SearchApiEndToEndTests.RunToEndAsync(fixture.Http, TinyTranslation);
        string id = status.GetProperty("id").GetString()!;

        status.GetProperty("runtimeStatus").GetString().ShouldBe("Completed", status.ToString());
        var store = fixture.Host.Services.GetRequiredService<ISearchStore>();
        var trials = await store.ListTrialsAsync(id);
        trials.Count.ShouldBe(4);
        trials.Select(t => t.Architecture).Distinct().Count().ShouldBe(4);
        foreach (var trial in trials)
        {
            trial.Status.ShouldBe(TrialStatus.Succeeded, trial.Error);
            trial.Metric.ShouldBe("bleu");
            trial.ValidationBleu.ShouldNotBeNull();
            trial.ValidationAccuracy!.Value.ShouldBe(trial.ValidationBleu!.Value / 100, 1e-9, "the fitness is validation BLEU / 100");
            trial.TestBleu.ShouldNotBeNull();
            trial.TestChrF!.Value.ShouldBeGreaterThan(0);
            trial.TestPer!.Value.ShouldBeLessThan(100, "a trained network gets some phonemes right");
            JsonDocument.Parse(trial.DecodedExamples!).RootElement.GetArrayLength().ShouldBe(3);
            trial.Flops!.Value.ShouldBeGreaterThan(0);
            trial.LatencyMilliseconds!.Value.ShouldBeGreaterThan(0);
            await using var weights = await store.OpenTrialWeightsAsync(id, trial.TrialId);
            weights.ShouldNotBeNull($"{trial.TrialId} has a weights blob");
        }

        status.GetProperty("output").GetProperty("bestTrialId").GetString().ShouldBe(trials.MaxBy(t => t.ValidationAccuracy)!.TrialId);
    }
}
