using System.Text.Json;
using NasFunctions.SearchSpace;

namespace NasFunctions.Orchestration.Spec;

/// <summary>The sample shape and class count of the data sets whose shape is known by name, and the check that a space agrees.</summary>
/// <remarks>
/// The trainer builds each network for the data's shape, so a space's <c>classes</c> or <c>input</c> that differs from its data
/// set would be overridden without a word; a spec that states them must state the data set's.
/// </remarks>
internal static class DatasetFit
{
    private static readonly Dictionary<string, (int[]? Input, int Classes)> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["fashion-mnist"] = ([1, 28, 28], 10),
        ["mnist"] = ([1, 28, 28], 10),
        ["cifar10"] = ([3, 32, 32], 10),
        ["cifar-10"] = ([3, 32, 32], 10),
        ["spam-assassin"] = (null, 2),
    };

    /// <summary>Adds an error at <c>space.classes</c> or <c>space.input</c> when the space states a value its data set does not have.</summary>
    public static void Check(JsonElement? space, string spacePath, string dataset, List<SpecError> errors)
    {
        if (space is not { ValueKind: JsonValueKind.Object } element || !Known.TryGetValue(dataset.Trim(), out var shape))
        {
            return;
        }

        if (element.TryGetProperty("classes", out var classes) && classes.TryGetInt32Safe() is { } stated && stated != shape.Classes)
        {
            errors.Add(new SpecError(SpecJson.Property(spacePath, "classes"),
                $"is {stated}, but data set '{dataset}' has {shape.Classes} classes; leave it out or set {shape.Classes}"));
        }

        if (shape.Input is { } input && element.TryGetProperty("input", out var given) && given.ValueKind == JsonValueKind.Array
            && given.EnumerateArray().Select(e => e.TryGetInt32Safe()).ToList() is var dims && dims.All(d => d is not null)
            && !dims.Select(d => d!.Value).SequenceEqual(input))
        {
            string wanted = $"[{string.Join(", ", input)}]";
            errors.Add(new SpecError(SpecJson.Property(spacePath, "input"),
                $"is [{string.Join(", ", dims)}], but data set '{dataset}' holds {wanted} images; leave it out or set {wanted}"));
        }
    }

    private static int? TryGetInt32Safe(this JsonElement element) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out int value) ? value : null;
}
