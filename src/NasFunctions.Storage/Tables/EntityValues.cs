using System.Globalization;
using Azure.Data.Tables;

namespace NasFunctions.Storage.Tables;

/// <summary>Typed reads and writes of table entity properties, tolerant of how the service typed a value.</summary>
internal static class EntityValues
{
    /// <summary>Longest string property stored (a table property holds at most 64 KiB, UTF-16).</summary>
    public const int MaxStringLength = 32_000;

    public static void Set(TableEntity entity, string key, object? value)
    {
        if (value is null)
        {
            return;
        }

        if (value is double number && !double.IsFinite(number))
        {
            throw new ArgumentException($"{key} is {number}; a table row holds only finite numbers.", key);
        }

        if (value is string s && s.Length > MaxStringLength)
        {
            throw new ArgumentException(
                $"{key} is {s.Length} characters long; a table property holds at most {MaxStringLength}.", key);
        }

        entity[key] = value;
    }

    public static void SetTruncated(TableEntity entity, string key, string? value, int maxLength) =>
        Set(entity, key, value is not null && value.Length > maxLength ? value[..(maxLength - 1)] + "…" : value);

    public static string? String(TableEntity entity, string key) =>
        entity.TryGetValue(key, out var value) && value is not null
            ? Convert.ToString(value, CultureInfo.InvariantCulture)
            : null;

    public static string RequiredString(TableEntity entity, string key) =>
        String(entity, key) ?? throw Missing(entity, key);

    /// <summary>A number property; a NaN or infinity (left by an older version) reads as null, so it never reaches the API.</summary>
    public static double? Double(TableEntity entity, string key) =>
        Raw(entity, key) switch
        {
            null => null,
            string s => Finite(double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture)),
            var v => Finite(Convert.ToDouble(v, CultureInfo.InvariantCulture)),
        };

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    public static long? Int64(TableEntity entity, string key) =>
        Raw(entity, key) switch
        {
            null => null,
            string s => long.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture),
            var v => Convert.ToInt64(v, CultureInfo.InvariantCulture),
        };

    public static int? Int32(TableEntity entity, string key) =>
        Int64(entity, key) is { } value ? checked((int)value) : null;

    public static bool? Boolean(TableEntity entity, string key) =>
        Raw(entity, key) switch
        {
            null => null,
            string s => bool.Parse(s),
            var v => Convert.ToBoolean(v, CultureInfo.InvariantCulture),
        };

    public static DateTimeOffset RequiredDate(TableEntity entity, string key) =>
        Raw(entity, key) switch
        {
            DateTimeOffset d => d,
            DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
            string s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            _ => throw Missing(entity, key),
        };

    private static object? Raw(TableEntity entity, string key) =>
        entity.TryGetValue(key, out var value) ? value : null;

    private static InvalidDataException Missing(TableEntity entity, string key) =>
        new($"Table row '{entity.PartitionKey}'/'{entity.RowKey}' has no usable '{key}'.");
}
