using System.Text.Json;
using NasFunctions.SearchSpace;

namespace NasFunctions.Strategy.MultiFidelity;

/// <summary>Creates <see cref="SuccessiveHalving"/> and <see cref="Hyperband"/> from spec options, their proposer through <see cref="StrategyCatalog"/>.</summary>
internal static class MultiFidelityCatalog
{
    private static readonly string[] ProposerFields = ["name", "options"];

    /// <summary>Successive halving from <paramref name="options"/>; null when any problem was appended.</summary>
    public static SuccessiveHalving? CreateHalving(
        JsonElement? options, ISearchSpace space, Fidelity defaultFidelity, string optionsPath, List<SpecError> errors) =>
        Create(options, space, defaultFidelity, optionsPath, errors, halving: true) is (var proposer, var read)
            ? new SuccessiveHalving(proposer, space, read)
            : null;

    /// <summary>Hyperband from <paramref name="options"/>; null when any problem was appended.</summary>
    public static Hyperband? CreateHyperband(
        JsonElement? options, ISearchSpace space, Fidelity defaultFidelity, string optionsPath, List<SpecError> errors) =>
        Create(options, space, defaultFidelity, optionsPath, errors, halving: false) is (var proposer, var read)
            ? new Hyperband(proposer, space, read)
            : null;

    /// <summary>
    /// Reads the options and creates the proposer at the first rung's fidelity, appending every problem of both (the proposer's
    /// at <c>{optionsPath}.proposer...</c>); null when there was any.
    /// </summary>
    private static (ISearchStrategy Proposer, MultiFidelityOptions Options)? Create(
        JsonElement? options, ISearchSpace space, Fidelity defaultFidelity, string optionsPath, List<SpecError> errors, bool halving)
    {
        var before = errors.Count;
        var read = MultiFidelityOptions.FromJson(options, defaultFidelity, optionsPath, errors, halving);
        var firstRung = read is null ? defaultFidelity : new Fidelity(
            (halving ? RungSchedule.Halving(read) : RungSchedule.Hyperband(read, 0)).RungEpochs[0],
            defaultFidelity.DataFraction);
        var proposer = CreateProposer(options, space, firstRung, SpecJson.Property(optionsPath, MultiFidelityOptions.ProposerField), errors);
        if (read is null || proposer is null || errors.Count > before)
        {
            (proposer as IDisposable)?.Dispose();
            return null;
        }

        return (proposer, read);
    }

    private static ISearchStrategy? CreateProposer(
        JsonElement? options, ISearchSpace space, Fidelity fidelity, string path, List<SpecError> errors)
    {
        if (options is not { ValueKind: JsonValueKind.Object } json
            || !json.TryGetProperty(MultiFidelityOptions.ProposerField, out var element)
            || element.ValueKind == JsonValueKind.Null)
        {
            return StrategyCatalog.Create(RandomSearch.StrategyName, null, space, fidelity, path, errors);
        }

        var fields = SpecJson.ReadObject(element, path, ProposerFields, errors);
        if (fields is null)
        {
            return null;
        }

        var namePath = SpecJson.Property(path, "name");
        var name = fields.TryGetValue("name", out var nameElement) ? SpecJson.ReadString(nameElement, namePath, errors) : string.Empty;
        if (name is SuccessiveHalving.StrategyName or Hyperband.StrategyName)
        {
            errors.Add(new SpecError(namePath, $"'{name}' cannot be a proposer: name a strategy that proposes architectures, such as random or evolution"));
            return null;
        }

        return name is null ? null : StrategyCatalog.Create(name, fields.TryGetValue("options", out var inner) ? inner : null, space, fidelity, path, errors);
    }
}
