using System.Globalization;
using System.Text.Json;

namespace NasFunctions.SearchSpace.Language;

/// <summary>A search space the user describes in JSON as named parameters: choices, number ranges, repeats and cells.</summary>
/// <remarks>
/// <para>JSON: <c>{ "kind": "custom", "parameters": { name: definition, ... } }</c>, a definition being one of
/// <c>{ "choice": ["a", "b"] }</c>; <c>{ "int": [low, high], "step": s }</c> (step defaults to 1); <c>{ "int": [low, high],
/// "log": true, "levels": n }</c>; <c>{ "float": [low, high], "log": bool, "levels": n }</c> (levels defaults to 5);
/// <c>{ "repeat": { "min": a, "max": b }, "each": { ...choice, int or float parameters... } }</c>; or
/// <c>{ "cell": { "nodes": n, "operations": ["none", ...] } }</c>.</para>
/// <para>Number ranges become lists of values, both ends included: a linear int range takes every step from low to high (high - low
/// must be a multiple of step); a log int range takes <c>levels</c> geometrically spaced values rounded to whole numbers; a float
/// range takes <c>levels</c> evenly (or, with log, geometrically) spaced values rounded to 6 significant digits and written in
/// their shortest invariant form (<c>0.001</c>, <c>1E-05</c>). Values that round alike are kept once.</para>
/// <para>Decisions, in parameter order: a choice or range is one decision labelled with its name; a repeat gives
/// <c>{name}.count</c> then <c>{name}.{i}.{item}</c> for every index below max; a cell gives <c>{name}.edge.{to}.{from}</c>.</para>
/// <para>Canonical string: the parameters in order as <c>name=value</c> joined by <c>;</c>; a repeat is <c>name=[item|item]</c>
/// with each item's parameters as <c>p=value</c> joined by <c>,</c> (<c>name=[]</c> for none), and only its used items; a cell
/// is written as NAS-Bench-201 writes cells. For example
/// <c>optimizer=adam;width=64;lr=0.001;layers=[op=conv,units=8|op=pool,units=16];cell=|conv3x3~0|+|none~0|skip~1|</c>.
/// Items past a repeat's count are reset to their first values, so they never tell two architectures apart.</para>
/// </remarks>
public sealed class CustomSpace : IFiniteSearchSpace
{
    /// <summary>The kind written in specs.</summary>
    public const string KindName = "custom";

    /// <summary>Creates a space of the given parameters; throws <see cref="ArgumentException"/> when there are none or names repeat.</summary>
    public CustomSpace(IReadOnlyList<Parameter> parameters)
        : this(KindName, parameters)
    {
    }

    internal CustomSpace(string kind, IReadOnlyList<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Count == 0 || parameters.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count() != parameters.Count)
        {
            throw new ArgumentException("a space takes at least one parameter, each named once", nameof(parameters));
        }

        Kind = kind;
        Parameters = [.. parameters];
        Decisions = BuildDecisions();
        Size = Parameters.Aggregate(1L, (product, p) => NumberLevels.Multiply(product, p.Size));
    }

    /// <summary>The parameters, in order.</summary>
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <inheritdoc />
    public string Kind { get; }

    /// <inheritdoc />
    public IReadOnlyList<Decision> Decisions { get; }

    /// <summary>Distinct architectures: the product over parameters (a repeat counts every length from min to max).</summary>
    public long Size { get; }

    /// <summary>Reads and validates a space definition, appending every problem at its path; null when there was any.</summary>
    public static CustomSpace? FromJson(JsonElement element, string path, List<SpecError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var parameters = CustomSpaceReader.Read(element, path, errors);
        return parameters is null ? null : new CustomSpace(parameters);
    }

    /// <inheritdoc />
    public Architecture Create(IReadOnlyDictionary<string, string> choices)
    {
        DecisionChoices.Check(Decisions, choices);
        var normalized = CustomCanonical.Normalize(Parameters, choices);
        return new Architecture(CustomCanonical.Format(Parameters, normalized), normalized);
    }

    /// <inheritdoc />
    public Architecture Parse(string canonical)
    {
        var choices = ParseChoices(canonical);
        return new Architecture(CustomCanonical.Format(Parameters, choices), choices);
    }

    /// <summary>The typed values of an architecture of this space.</summary>
    /// <exception cref="FormatException">Its canonical string is not an architecture of this space.</exception>
    public ParameterValues Decode(Architecture architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        var choices = ParseChoices(architecture.Canonical);
        return new ParameterValues([.. Parameters.Select(p => new KeyValuePair<string, object>(p.Name, ValueOf(p, choices)))]);
    }

    /// <summary>Picks every decision uniformly at random (one draw per decision, in order) and builds the architecture.</summary>
    public Architecture Sample(Random random) => DecisionSampler.Sample(this, random);

    private static object ValueOf(Parameter parameter, Dictionary<string, string> choices) => parameter switch
    {
        ScalarParameter scalar => scalar.ValueOf(choices[scalar.Name]),
        RepeatParameter repeat => (IReadOnlyList<ParameterValues>)[.. Enumerable
            .Range(0, int.Parse(choices[repeat.CountLabel], CultureInfo.InvariantCulture))
            .Select(i => new ParameterValues([.. repeat.Each.Select(p =>
                new KeyValuePair<string, object>(p.Name, p.ValueOf(choices[repeat.ItemLabel(i, p.Name)])))]))],
        CellParameter cell => new PickedCell(cell.Nodes, [.. cell.Edges.Select(e => choices[cell.EdgeLabel(e.To, e.From)])]),
        _ => throw new ArgumentOutOfRangeException(nameof(parameter), parameter.GetType().Name, "unknown parameter kind"),
    };

    private Dictionary<string, string> ParseChoices(string canonical)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        var problems = new List<string>();
        return CustomCanonical.Parse(Parameters, canonical, problems)
            ?? throw new FormatException($"'{canonical}' is not an architecture of this {Kind} space: {string.Join("; ", problems)}");
    }

    private List<Decision> BuildDecisions()
    {
        var decisions = new List<Decision>();
        foreach (var parameter in Parameters)
        {
            switch (parameter)
            {
                case ScalarParameter scalar:
                    decisions.Add(new Decision(scalar.Name, scalar.Values));
                    break;
                case RepeatParameter repeat:
                    decisions.Add(new Decision(repeat.CountLabel,
                        [.. Enumerable.Range(repeat.Min, repeat.Max - repeat.Min + 1).Select(n => n.ToString(CultureInfo.InvariantCulture))]));
                    for (var i = 0; i < repeat.Max; i++)
                    {
                        decisions.AddRange(repeat.Each.Select(item => new Decision(repeat.ItemLabel(i, item.Name), item.Values)));
                    }

                    break;
                case CellParameter cell:
                    decisions.AddRange(cell.Edges.Select(e => new Decision(cell.EdgeLabel(e.To, e.From), cell.Operations)));
                    break;
            }
        }

        return decisions;
    }
}
