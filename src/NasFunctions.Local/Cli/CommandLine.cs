namespace NasFunctions.Local.Cli;

/// <summary>A parsed command line: the command, its positional arguments and its <c>--name value</c> options.</summary>
public sealed record CommandLine(string Command, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> Options)
{
    /// <summary>Splits <paramref name="args"/>; the first word is the command (default <c>help</c>).</summary>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var positional = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 1; i < args.Count; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                string name = args[i][2..];
                bool hasValue = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
                options[name] = hasValue ? args[++i] : "true";
            }
            else
            {
                positional.Add(args[i]);
            }
        }

        return new CommandLine(args.Count > 0 ? args[0] : "help", positional, options);
    }

    /// <summary>An integer option, or the default; throws a clear error when it is not a number.</summary>
    public int Int(string name, int defaultValue) =>
        !Options.TryGetValue(name, out string? text) ? defaultValue
        : int.TryParse(text, out int value) ? value
        : throw new ArgumentException($"--{name} takes a whole number, not '{text}'.");

    /// <summary>A number option (invariant culture), or the default; throws a clear error when it is not a number.</summary>
    public double Double(string name, double defaultValue) =>
        !Options.TryGetValue(name, out string? text) ? defaultValue
        : double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double value) ? value
        : throw new ArgumentException($"--{name} takes a number, not '{text}'.");

    /// <summary>A string option, or the default.</summary>
    public string? String(string name, string? defaultValue = null) => Options.GetValueOrDefault(name, defaultValue!);
}
