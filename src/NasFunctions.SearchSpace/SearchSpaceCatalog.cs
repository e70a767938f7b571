using System.Text.Json;
using NasFunctions.SearchSpace.Language;
using NasFunctions.SearchSpace.MacroCnn;
using NasFunctions.SearchSpace.Mlp;
using NasFunctions.SearchSpace.NasBench201;
using NasFunctions.SearchSpace.Seq2Seq;
using NasFunctions.SearchSpace.TextEncoder;

namespace NasFunctions.SearchSpace;

/// <summary>Reads a search space definition of any known kind, choosing the reader by its <c>kind</c> field.</summary>
public static class SearchSpaceCatalog
{
    private delegate ISearchSpace? Reader(JsonElement element, string path, List<SpecError> errors);

    private static readonly Dictionary<string, Reader> Readers = new(StringComparer.Ordinal)
    {
        [MacroCnnSpace.KindName] = MacroCnnSpace.FromJson,
        [NasBench201Space.KindName] = NasBench201Space.FromJson,
        [CustomSpace.KindName] = CustomSpace.FromJson,
        [MlpSpace.KindName] = MlpSpace.FromJson,
        [TextEncoderSpace.KindName] = TextEncoderSpace.FromJson,
        [Seq2SeqSpace.KindName] = Seq2SeqSpace.FromJson,
    };

    /// <summary>The kinds this catalog can read.</summary>
    public static IReadOnlyList<string> Kinds { get; } = [.. Readers.Keys];

    /// <summary>Reads and validates a space definition, appending every problem at its path; null when there was any.</summary>
    public static ISearchSpace? FromJson(JsonElement element, string path, List<SpecError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var known = string.Join(", ", Kinds);
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new SpecError(path, $"must be an object, not {SpecJson.Describe(element)}"));
            return null;
        }

        var kindPath = SpecJson.Property(path, "kind");
        if (!element.TryGetProperty("kind", out var kindElement))
        {
            errors.Add(new SpecError(kindPath, $"is required; known kinds: {known}"));
            return null;
        }

        var kind = SpecJson.ReadString(kindElement, kindPath, errors);
        if (kind is null)
        {
            return null;
        }

        if (!Readers.TryGetValue(kind, out var reader))
        {
            errors.Add(new SpecError(kindPath, $"unknown kind '{kind}'; known kinds: {known}"));
            return null;
        }

        return reader(element, path, errors);
    }
}
