using NasFunctions.SearchSpace;
using NasFunctions.SearchSpace.Seq2Seq;

namespace NasFunctions.Strategy.Tests.Seq2Seq;

/// <summary>Every strategy of the catalog runs on the seq2seq space: valid canonical proposals, learning, and a state that resumes.</summary>
public class Seq2SeqStrategiesTests
{
    private static readonly Fidelity Fidelity = new(9, 0.25); // enough epochs for the multi-fidelity strategies' rungs

    public static TheoryData<string> Names() => [.. StrategyCatalog.Names];

    [Theory]
    [MemberData(nameof(Names))]
    public void Proposes_canonical_seq2seq_networks_learns_and_resumes(string name)
    {
        var space = new Seq2SeqSpace(new Seq2SeqSpaceOptions { SourceVocabulary = 100, TargetVocabulary = 80, MaxLength = 32 });
        var errors = new List<SpecError>();
        var strategy = StrategyCatalog.Create(name, null, space, Fidelity, "$.strategy", errors);
        errors.ShouldBeEmpty();
        strategy.ShouldNotBeNull();
        var measured = 0;
        System.Text.Json.Nodes.JsonObject? saved = null;
        for (var round = 0; round < 6 && !strategy.IsExhausted; round++)
        {
            saved = strategy.SaveState();
            var candidates = strategy.Propose(4, SeedSequence.CreateRandom(9, round));
            if (round == 3)
            {
                var resumed = StrategyCatalog.Create(name, null, space, Fidelity, "$.strategy", errors)!;
                resumed.LoadState(saved!);
                resumed.Propose(4, SeedSequence.CreateRandom(9, round)).Select(c => c.Architecture.Canonical)
                    .ShouldBe(candidates.Select(c => c.Architecture.Canonical), "a strategy loaded from its saved state proposes the same");
            }

            candidates.ShouldNotBeEmpty();
            var outcomes = candidates.Select((c, i) =>
            {
                space.Parse(c.Architecture.Canonical).ShouldBe(c.Architecture);
                var network = space.Decode(c.Architecture);
                var fitness = (network.Encoder.IsTransformer ? 0.3 : 0) + (network.Width / 1000.0) - network.Dropout;
                return new TrialOutcome($"r{round}-c{i}", c.Architecture, c.Fidelity, fitness);
            }).ToList();
            measured += outcomes.Count;
            strategy.Learn(outcomes, SeedSequence.CreateRandom(9, round, 1));
        }

        measured.ShouldBeGreaterThanOrEqualTo(12);
    }
}
