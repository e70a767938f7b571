namespace NasFunctions.SearchSpace.Mlp;

/// <summary>What an MLP space allows; each property is the JSON field of the same camelCase name, with the default shown.</summary>
/// <remarks>
/// JSON: <c>{ "kind": "mlp", "inputs": 20, "classes": 3, "minLayers": 1, "maxLayers": 4, "units": [32, 64, 128, 256],
/// "activations": ["relu", "gelu", "tanh"], "dropout": [0, 0.1, 0.3], "batchNorm": [false, true] }</c>; <c>inputs</c> and
/// <c>classes</c> are required. The lists give the allowed values in order; the first of each is what unused decisions reset to.
/// </remarks>
public sealed class MlpSpaceOptions
{
    /// <summary>The most hidden layers a space may allow.</summary>
    public const int MostLayers = 16;

    /// <summary>Number of input features (<c>inputs</c>), at least 1; required in JSON.</summary>
    public int Inputs { get; init; } = 1;

    /// <summary>Number of output classes (<c>classes</c>), at least 2; required in JSON.</summary>
    public int Classes { get; init; } = 2;

    /// <summary>Fewest hidden layers (<c>minLayers</c>); default 1.</summary>
    public int MinLayers { get; init; } = 1;

    /// <summary>Most hidden layers (<c>maxLayers</c>), at most <see cref="MostLayers"/>; default 4.</summary>
    public int MaxLayers { get; init; } = 4;

    /// <summary>Allowed layer widths (<c>units</c>), positive; default 32, 64, 128, 256.</summary>
    public IReadOnlyList<int> Units { get; init; } = [32, 64, 128, 256];

    /// <summary>Allowed activations (<c>activations</c>), from <see cref="MlpActivations.All"/>; default relu, gelu, tanh.</summary>
    public IReadOnlyList<string> Activations { get; init; } = ["relu", "gelu", "tanh"];

    /// <summary>Allowed dropout probabilities (<c>dropout</c>), from 0 to below 1; default 0, 0.1, 0.3.</summary>
    public IReadOnlyList<double> Dropout { get; init; } = [0, 0.1, 0.3];

    /// <summary>Allowed batch-norm settings (<c>batchNorm</c>); default false, true.</summary>
    public IReadOnlyList<bool> BatchNorm { get; init; } = [false, true];

    /// <summary>Every problem with these options, each at the JSON path of its field below <paramref name="path"/>.</summary>
    public IReadOnlyList<SpecError> Validate(string path = "$")
    {
        var errors = new List<SpecError>();
        if (Inputs < 1)
        {
            errors.Add(new SpecError(SpecJson.Property(path, "inputs"), $"must be at least 1, not {Inputs}"));
        }

        if (Classes < 2)
        {
            errors.Add(new SpecError(SpecJson.Property(path, "classes"), $"must be at least 2, not {Classes}"));
        }

        SpecLists.CheckLayers(MinLayers, MaxLayers, MostLayers, path, errors);
        SpecLists.Check(Units, SpecJson.Property(path, "units"), LayerWidths.Problem, u => $"{u}", errors);
        SpecLists.Check(Activations, SpecJson.Property(path, "activations"),
            a => MlpActivations.All.Contains(a) ? null : $"unknown activation '{a}'; known activations: {string.Join(", ", MlpActivations.All)}",
            a => a, errors);
        SpecLists.Check(Dropout, SpecJson.Property(path, "dropout"),
            d => d is >= 0 and < 1 ? null : $"must be from 0 to below 1, not {Language.NumberLevels.Format(d)}", Language.NumberLevels.Format, errors);
        SpecLists.Check(BatchNorm, SpecJson.Property(path, "batchNorm"), _ => null, b => b ? "true" : "false", errors);
        return errors;
    }
}
