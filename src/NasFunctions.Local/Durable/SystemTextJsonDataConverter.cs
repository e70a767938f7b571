using System.Text.Json;
using DurableTask.Core.Serializing;

namespace NasFunctions.Local.Durable;

/// <summary>A DTFx data converter that writes JSON as the Durable SDK does (System.Text.Json, no <c>$type</c>).</summary>
public sealed class SystemTextJsonDataConverter : DataConverter
{
    private static readonly JsonSerializerOptions Options = new() { IncludeFields = true };

    /// <inheritdoc />
    public override string Serialize(object value) => Serialize(value, formatted: false);

    /// <inheritdoc />
    public override string Serialize(object value, bool formatted) =>
        JsonSerializer.Serialize(value, value?.GetType() ?? typeof(object), formatted ? new JsonSerializerOptions(Options) { WriteIndented = true } : Options);

    /// <inheritdoc />
    public override object Deserialize(string data, Type objectType) => JsonSerializer.Deserialize(data, objectType, Options)!;
}
