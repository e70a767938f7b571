using NasFunctions.SearchSpace.NasBench201;

namespace NasFunctions.SearchSpace.Tests.NasBench201;

public class NasBench201SpaceTests
{
    private const string BenchmarkExample =
        "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|";

    private static readonly NasBench201Space Space = NasBench201Space.Default;

    [Fact]
    public void Has_six_edge_decisions_over_five_operations_in_the_benchmarks_order()
    {
        Space.Kind.ShouldBe("nas-bench-201");
        Space.Decisions.Select(d => d.Label).ShouldBe(["edge.1.0", "edge.2.0", "edge.2.1", "edge.3.0", "edge.3.1", "edge.3.2"]);
        foreach (var decision in Space.Decisions)
        {
            decision.Choices.ShouldBe(["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"]);
        }

        Space.Size.ShouldBe(15625);
        NasBench201Edge.All.Select(e => e.Label).ShouldBe(Space.Decisions.Select(d => d.Label));
        NasBench201Edge.All.Select(e => e.Index).ShouldBe([0, 1, 2, 3, 4, 5]);
    }

    [Fact]
    public void Every_cell_round_trips_and_all_are_distinct()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (long i = 0; i < Space.Size; i++)
        {
            var choices = DecisionGrid.ChoicesAt(Space.Decisions, i);
            var architecture = Space.Create(choices);
            var parsed = Space.Parse(architecture.Canonical);

            parsed.ShouldBe(architecture);
            parsed.Choices.ShouldBe(choices, ignoreOrder: true);
            Space.Create(Space.Decode(architecture)).ShouldBe(architecture);
            seen.Add(architecture.Canonical).ShouldBeTrue();
        }

        seen.Count.ShouldBe(15625);
    }

    [Fact]
    public void Writes_the_benchmarks_string_with_choices_in_edge_order()
    {
        var architecture = Space.Create(new Dictionary<string, string>
        {
            ["edge.1.0"] = "nor_conv_3x3",
            ["edge.2.0"] = "nor_conv_3x3",
            ["edge.2.1"] = "nor_conv_3x3",
            ["edge.3.0"] = "skip_connect",
            ["edge.3.1"] = "nor_conv_3x3",
            ["edge.3.2"] = "nor_conv_1x1",
        });

        architecture.Canonical.ShouldBe(BenchmarkExample);
    }

    [Fact]
    public void Decodes_the_benchmarks_example_into_a_typed_cell()
    {
        var cell = Space.Decode(Space.Parse(BenchmarkExample));

        cell.Operations.ShouldBe(
        [
            NasBench201Operation.NorConv3x3, NasBench201Operation.NorConv3x3, NasBench201Operation.NorConv3x3,
            NasBench201Operation.SkipConnect, NasBench201Operation.NorConv3x3, NasBench201Operation.NorConv1x1,
        ]);
        cell[3, 0].ShouldBe(NasBench201Operation.SkipConnect);
        cell[3, 2].ShouldBe(NasBench201Operation.NorConv1x1);
        cell.ActiveEdges.Count.ShouldBe(6);
        cell.Canonical.ShouldBe(BenchmarkExample);
    }

    [Fact]
    public void Active_edges_are_those_not_none()
    {
        var cell = Space.Decode(Space.Parse("|none~0|+|skip_connect~0|none~1|+|none~0|none~1|avg_pool_3x3~2|"));

        cell.ActiveEdges.ShouldBe([new NasBench201Edge(2, 0), new NasBench201Edge(3, 2)]);
        Space.Decode(Space.Parse("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|")).ActiveEdges.ShouldBeEmpty();
    }

    [Fact]
    public void Typed_cells_compare_by_their_operations()
    {
        var a = Space.Decode(Space.Parse(BenchmarkExample));
        var b = Space.Decode(Space.Parse(BenchmarkExample));

        a.ShouldBe(b);
        a.GetHashCode().ShouldBe(b.GetHashCode());
        a.ShouldNotBe(new NasBench201Cell([.. Enumerable.Repeat(NasBench201Operation.None, 6)]));
        Should.Throw<ArgumentException>(() => new NasBench201Cell([NasBench201Operation.None]));
    }

    [Fact]
    public void Every_row_of_the_cifar10_table_parses()
    {
        var rows = File.ReadLines(BenchmarkTables.PathOf("nasbench201-cifar10.csv")).Skip(1).Select(l => l.Split(',')[0]).ToList();

        rows.Count.ShouldBe(15625);
        rows.Select(r => Space.Parse(r).Canonical).ShouldBe(rows);
    }

    [Fact]
    public void Rejects_a_bad_string_listing_every_problem()
    {
        var error = Should.Throw<FormatException>(() => Space.Parse("|conv~0|+|none~1|none~1|+|none~0|none~1|"));

        error.Message.ShouldBe(
            "'|conv~0|+|none~1|none~1|+|none~0|none~1|' is not a cell of this nas-bench-201 space: "
            + "node 1: unknown operation 'conv' (allowed: none, skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3); "
            + "node 2: input 0 is 'none~1', but must come from node 0 ('~0'); "
            + "node 3: has 2 inputs, but it takes one from each of nodes 0 to 2 (3)");
    }

    [Theory]
    [InlineData("", "has 1 node groups joined by '+', but a cell of 4 nodes has 3; node 1: '' must start and end with '|'")]
    [InlineData("|none~0|+|none~0|none~1|", "has 2 node groups joined by '+', but a cell of 4 nodes has 3")]
    [InlineData("none~0+|none~0|none~1|+|none~0|none~1|none~2|", "node 1: 'none~0' must start and end with '|'")]
    [InlineData("|none|+|none~0|none~1|+|none~0|none~1|none~2|", "node 1: input 'none' must be written 'op~0'")]
    [InlineData("|none~0|+|none~0|none~1|+|none~0|none~1|none~2| ", "node 3: '|none~0|none~1|none~2| ' must start and end with '|'")]
    public void Rejects_malformed_strings(string text, string problems) =>
        Should.Throw<FormatException>(() => Space.Parse(text)).Message.ShouldBe($"'{text}' is not a cell of this nas-bench-201 space: {problems}");

    [Fact]
    public void A_subset_of_operations_rejects_the_others()
    {
        var space = new NasBench201Space(new NasBench201SpaceOptions { Operations = [NasBench201Operation.SkipConnect, NasBench201Operation.NorConv3x3] });

        space.Size.ShouldBe(64);
        space.Decisions[0].Choices.ShouldBe(["skip_connect", "nor_conv_3x3"]);
        Should.Throw<FormatException>(() => space.Parse(BenchmarkExample)).Message
            .ShouldEndWith("node 3: unknown operation 'nor_conv_1x1' (allowed: skip_connect, nor_conv_3x3)");
        Should.Throw<ArgumentException>(() => space.Create(Space.Decode(Space.Parse(BenchmarkExample))));
    }

    [Fact]
    public void Create_lists_missing_unknown_and_disallowed_choices()
    {
        var choices = Space.Decisions.ToDictionary(d => d.Label, d => d.Choices[0]);
        choices.Remove("edge.2.1");
        choices["edge.3.2"] = "conv";
        choices["edge.4.0"] = "none";

        Should.Throw<ArgumentException>(() => Space.Create(choices)).Message.ShouldStartWith(
            "decision 'edge.2.1' is missing; decision 'edge.3.2' is 'conv', not one of none, skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3; "
            + "'edge.4.0' is not a decision of this space");
    }

    [Fact]
    public void Sampling_is_deterministic_for_a_seed()
    {
        var a = new Random(7);
        var b = new Random(7);
        for (var i = 0; i < 20; i++)
        {
            Space.Sample(a).ShouldBe(Space.Sample(b));
        }
    }
}
