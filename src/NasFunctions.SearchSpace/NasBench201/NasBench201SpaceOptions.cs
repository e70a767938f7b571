namespace NasFunctions.SearchSpace.NasBench201;

/// <summary>What a NAS-Bench-201 space allows and the macro skeleton its cells are trained in; JSON fields of the same camelCase name.</summary>
/// <remarks>
/// JSON: <c>{ "kind": "nas-bench-201", "operations": ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"],
/// "channels": 16, "cellsPerStage": 5, "input": [3, 32, 32], "classes": 10 }</c>; every field but <c>kind</c> is optional.
/// </remarks>
public sealed class NasBench201SpaceOptions
{
    /// <summary>Allowed edge operations (<c>operations</c>): a non-empty subset in the benchmark's fixed order; default all five.</summary>
    public IReadOnlyList<NasBench201Operation> Operations { get; init; } = Enum.GetValues<NasBench201Operation>();

    /// <summary>Channels of the first stage (<c>channels</c>, at most <see cref="LayerWidths.Max"/> in a spec), doubled at each of the two reduction blocks; default 16.</summary>
    public int Channels { get; init; } = 16;

    /// <summary>Cells in each of the three stages (<c>cellsPerStage</c>, at most 100 in a spec); default 5.</summary>
    public int CellsPerStage { get; init; } = 5;

    /// <summary>Channels of the input images (<c>input[0]</c>); default 3.</summary>
    public int InputChannels { get; init; } = 3;

    /// <summary>Input height in pixels (<c>input[1]</c>); default 32.</summary>
    public int InputHeight { get; init; } = 32;

    /// <summary>Input width in pixels (<c>input[2]</c>); default 32.</summary>
    public int InputWidth { get; init; } = 32;

    /// <summary>Number of output classes (<c>classes</c>), at least 2; default 10.</summary>
    public int Classes { get; init; } = 10;

    /// <summary>Every problem with these options, each at the JSON path of its field below <paramref name="path"/>.</summary>
    public IReadOnlyList<SpecError> Validate(string path = "$")
    {
        var errors = new List<SpecError>();
        var operationsPath = SpecJson.Property(path, "operations");
        if (Operations is null || Operations.Count == 0)
        {
            errors.Add(new SpecError(operationsPath, "must list at least one operation"));
        }
        else
        {
            for (var i = 0; i < Operations.Count; i++)
            {
                if (!Enum.IsDefined(Operations[i]))
                {
                    errors.Add(new SpecError(SpecJson.Index(operationsPath, i), $"unknown operation {(int)Operations[i]}"));
                }
                else if (i > 0 && Operations[i] <= Operations[i - 1])
                {
                    errors.Add(new SpecError(SpecJson.Index(operationsPath, i), Operations[i] == Operations[i - 1]
                        ? $"repeats {NasBench201Operations.Name(Operations[i])}"
                        : $"'{NasBench201Operations.Name(Operations[i])}' is out of order; operations follow the benchmark's order: {string.Join(", ", NasBench201Operations.All)}"));
                }
            }
        }

        if (LayerWidths.Problem(Channels) is { } wide)
        {
            errors.Add(new SpecError(SpecJson.Property(path, "channels"), wide));
        }

        Positive(errors, SpecJson.Property(path, "cellsPerStage"), CellsPerStage);
        var inputPath = SpecJson.Property(path, "input");
        Positive(errors, SpecJson.Index(inputPath, 0), InputChannels);
        Positive(errors, SpecJson.Index(inputPath, 1), InputHeight);
        Positive(errors, SpecJson.Index(inputPath, 2), InputWidth);
        if (Classes < 2)
        {
            errors.Add(new SpecError(SpecJson.Property(path, "classes"), $"must be at least 2, not {Classes}"));
        }

        return errors;
    }

    private static void Positive(List<SpecError> errors, string path, int value)
    {
        if (value < 1)
        {
            errors.Add(new SpecError(path, $"must be positive, not {value}"));
        }
    }
}
