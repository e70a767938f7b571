using System.Text.Json;
using NasFunctions.SearchSpace;

namespace NasFunctions.Strategy.MultiFidelity;

/// <summary>
/// Settings of <see cref="SuccessiveHalving"/> and <see cref="Hyperband"/>; in a spec's strategy options the fields are the
/// camelCase names, and <see cref="ProposerField"/> names the inner strategy.
/// </summary>
public sealed class MultiFidelityOptions
{
    /// <summary>
    /// The options field naming the strategy that proposes each bracket's fresh architectures: an object
    /// <c>{ "name": ..., "options": { ... } }</c> read like <c>strategy</c> itself; default <c>{ "name": "random" }</c>. It may not
    /// be <c>halving</c> or <c>hyperband</c>. The catalog creates it; a strategy built in code is handed its proposer.
    /// </summary>
    public const string ProposerField = "proposer";

    private static readonly string[] HalvingFields = [ProposerField, "eta", "minEpochs", "maxEpochs", "candidates"];
    private static readonly string[] HyperbandFields = [ProposerField, "eta", "minEpochs", "maxEpochs"];

    /// <summary>The search's fidelity: its epochs are the default <see cref="MaxEpochs"/>, its data fraction every candidate's. Comes from the search, not the options JSON.</summary>
    public Fidelity DefaultFidelity { get; init; } = new(1, 1.0);

    /// <summary>The halving rate (<c>eta</c>): each rung trains eta times the epochs of the one below and keeps its best 1/eta, at least 2; default 3.</summary>
    public int Eta { get; init; } = 3;

    /// <summary>Epochs of the lowest rung (<c>minEpochs</c>), at least 1; default null: maxEpochs / eta², rounded down, at least 1.</summary>
    public int? MinEpochs { get; init; }

    /// <summary>
    /// Epochs of the highest rung (<c>maxEpochs</c>), at least minEpochs * eta so there are two rungs or more; default null: the
    /// epochs of <see cref="DefaultFidelity"/> (the spec's <c>training.epochs</c>).
    /// </summary>
    public int? MaxEpochs { get; init; }

    /// <summary>
    /// Architectures each successive-halving bracket starts with (<c>candidates</c>), at least 1; default null: eta^(rungs - 1),
    /// so one architecture reaches the top rung. Halving only: a Hyperband bracket's size follows from its rungs.
    /// </summary>
    public int? Candidates { get; init; }

    /// <summary>The highest rung's epochs used: <see cref="MaxEpochs"/>, or the default fidelity's epochs.</summary>
    public int EffectiveMaxEpochs => MaxEpochs ?? DefaultFidelity.Epochs;

    /// <summary>The lowest rung's epochs used: <see cref="MinEpochs"/>, or maxEpochs / eta² rounded down, at least 1.</summary>
    public int EffectiveMinEpochs => MinEpochs ?? (Eta >= 2 ? (int)Math.Max(1, EffectiveMaxEpochs / ((long)Eta * Eta)) : 1);

    /// <summary>Every problem with these options, each at the path of its field below <paramref name="path"/>.</summary>
    public IReadOnlyList<SpecError> Validate(string path = "$")
    {
        var errors = new List<SpecError>();
        OptionRules.CheckFidelity(DefaultFidelity, path, errors);
        OptionRules.AtLeast(Eta, 2, "eta", path, errors);
        OptionRules.AtLeast(MinEpochs ?? 1, 1, "minEpochs", path, errors);
        OptionRules.AtLeast(MaxEpochs ?? 1, 1, "maxEpochs", path, errors);
        OptionRules.AtLeast(Candidates ?? 1, 1, "candidates", path, errors);
        if (Eta >= 2 && EffectiveMinEpochs >= 1 && EffectiveMaxEpochs >= 1 && (long)EffectiveMinEpochs * Eta > EffectiveMaxEpochs)
        {
            var origin = MaxEpochs is null ? " (the training epochs, its default)" : string.Empty;
            errors.Add(new SpecError(
                SpecJson.Property(path, "maxEpochs"),
                $"must be at least minEpochs * eta = {(long)EffectiveMinEpochs * Eta}: successive halving needs at least two rungs; it is {EffectiveMaxEpochs}{origin}"));
        }

        return errors;
    }

    /// <summary>
    /// Reads the options object (absent or null: all defaults), appending every problem at its path; null when there was any.
    /// <c>candidates</c> is a known field only when <paramref name="halving"/>. The <see cref="ProposerField"/> is known but left to the catalog.
    /// </summary>
    public static MultiFidelityOptions? FromJson(JsonElement? element, Fidelity defaultFidelity, string path, List<SpecError> errors, bool halving)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var defaults = new MultiFidelityOptions { DefaultFidelity = defaultFidelity };
        return OptionFields.Read(element, defaults, path, halving ? HalvingFields : HyperbandFields, errors, fields => new MultiFidelityOptions
        {
            DefaultFidelity = defaultFidelity,
            Eta = fields.Int("eta", defaults.Eta),
            MinEpochs = fields.OptionalInt("minEpochs"),
            MaxEpochs = fields.OptionalInt("maxEpochs"),
            Candidates = halving ? fields.OptionalInt("candidates") : null,
        }, (options, at) => options.Validate(at));
    }
}
