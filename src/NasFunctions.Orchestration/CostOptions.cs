namespace NasFunctions.Orchestration;

/// <summary>The price table a search's estimated cost comes from: configuration section <c>Nas:Cost</c>.</summary>
/// <remarks>
/// As app settings: <c>Nas__Cost__PricePerHour__cpu</c>, <c>Nas__Cost__PricePerHour__cuda</c>, <c>Nas__Cost__Currency</c>.
/// The defaults are placeholders, not quotes: set your own provider's prices. An estimate is training seconds x the price
/// per hour of the spec's device / 3,600; <c>auto</c> is priced as <c>cuda</c>, so an estimate never understates.
/// </remarks>
public sealed class CostOptions
{
    /// <summary>The device kinds a price may be set for.</summary>
    public static IReadOnlyList<string> DeviceKinds { get; } = ["cpu", "cuda"];

    /// <summary>Highest price per hour accepted (10,000).</summary>
    public const double MaxPricePerHour = 10_000;

    /// <summary>Price of one hour of training per device kind (default: cpu 0.10, cuda 1.00).</summary>
    public Dictionary<string, double> PricePerHour { get; set; } = new(StringComparer.OrdinalIgnoreCase) { ["cpu"] = 0.10, ["cuda"] = 1.00 };

    /// <summary>The currency the prices are in, 1 to 8 letters (default <c>USD</c>).</summary>
    public string Currency { get; set; } = "USD";

    /// <summary>The price per hour of training on the spec's <paramref name="device"/> (cpu, cuda or auto).</summary>
    public double PriceOf(string device) =>
        PricePerHour.TryGetValue(string.Equals(device, "cpu", StringComparison.OrdinalIgnoreCase) ? "cpu" : "cuda", out var price) ? price : 0;

    /// <summary>The estimated cost of <paramref name="computeSeconds"/> of training on <paramref name="device"/>.</summary>
    public double Estimate(string device, double computeSeconds) => Math.Round(PriceOf(device) * computeSeconds / 3600, 6);

    /// <summary>Every problem with these settings; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        foreach (var (kind, price) in PricePerHour)
        {
            if (!DeviceKinds.Contains(kind, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"PricePerHour: '{kind}' is no device kind; use {string.Join(" or ", DeviceKinds)}.");
            }
            else if (!double.IsFinite(price) || price < 0 || price > MaxPricePerHour)
            {
                errors.Add($"PricePerHour:{kind} must be from 0 to {MaxPricePerHour}.");
            }
        }

        if (string.IsNullOrEmpty(Currency) || Currency.Length > 8 || !Currency.All(char.IsAsciiLetter))
        {
            errors.Add("Currency must be 1 to 8 letters (for example USD or EUR).");
        }

        return errors;
    }
}
