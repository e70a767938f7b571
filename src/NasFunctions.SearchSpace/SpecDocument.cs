using System.Text.Json;

namespace NasFunctions.SearchSpace;

/// <summary>Checks a whole spec document before any field is read: repeated keys and text that is not valid UTF-16.</summary>
/// <remarks>
/// JSON parsers keep the last of two equal keys, and <c>"\ud800"</c> parses but cannot be read as a string; both are reported
/// here at their path, so the field readers never see them.
/// </remarks>
public static class SpecDocument
{
    /// <summary>Appends an error for every repeated key and every string or key with an unpaired surrogate below <paramref name="path"/>.</summary>
    public static void Check(JsonElement element, string path, List<SpecError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                int index = 0;
                foreach (var property in element.EnumerateObject())
                {
                    if (ReadName(property) is not { } name)
                    {
                        errors.Add(new SpecError($"{path}[key {index}]", "has a key that is not valid UTF-16 text (an unpaired surrogate)"));
                    }
                    else if (!seen.Add(name))
                    {
                        errors.Add(new SpecError(SpecJson.Property(path, name), "appears more than once in its object"));
                    }
                    else
                    {
                        Check(property.Value, SpecJson.Property(path, name), errors);
                    }

                    index++;
                }

                break;
            case JsonValueKind.Array:
                int i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Check(item, SpecJson.Index(path, i++), errors);
                }

                break;
            case JsonValueKind.String:
                if (!IsText(element))
                {
                    errors.Add(new SpecError(path, "is not valid UTF-16 text (an unpaired surrogate)"));
                }

                break;
        }
    }

    private static string? ReadName(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static bool IsText(JsonElement element)
    {
        try
        {
            element.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
