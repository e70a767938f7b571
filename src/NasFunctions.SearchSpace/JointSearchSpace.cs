using NasFunctions.SearchSpace.Language;

namespace NasFunctions.SearchSpace;

/// <summary>A network space joined with training settings to search over (say a learning rate): each architecture picks a network and a value for every setting.</summary>
/// <remarks>
/// The decisions are the network's, then one per setting, labelled <c>training.NAME</c>. The canonical string is the
/// network's, then <c>@</c> and the settings in order: <c>conv3x3/32+bn|maxpool@learningRate=0.05;optimizer=sgd</c>. So every
/// strategy searches the network and its training together, and a trial's row names both. The space knows nothing of
/// training: the evaluator reads the settings (<see cref="SettingsOf"/>) and builds the network (<see cref="NetworkOf"/>).
/// </remarks>
public sealed class JointSearchSpace : IFiniteSearchSpace
{
    /// <summary>What separates the network's canonical string from the settings.</summary>
    public const char Separator = '@';

    /// <summary>The prefix of a setting's decision label.</summary>
    public const string LabelPrefix = "training.";

    private readonly IReadOnlyList<Decision> _decisions;

    /// <summary>Joins <paramref name="network"/> with <paramref name="settings"/> (at least one, distinct names, no <c>@</c> in a value).</summary>
    /// <exception cref="ArgumentException">No settings, a repeated name, or a value holding <c>@</c>.</exception>
    public JointSearchSpace(ISearchSpace network, IReadOnlyList<ScalarParameter> settings)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Count == 0 || settings.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count() != settings.Count)
        {
            throw new ArgumentException("A joint space needs at least one setting, each named once.", nameof(settings));
        }

        if (settings.Any(s => s.Values.Any(v => v.Contains(Separator, StringComparison.Ordinal))))
        {
            throw new ArgumentException($"A setting's values may not hold '{Separator}'.", nameof(settings));
        }

        Network = network;
        Settings = [.. settings];
        _decisions = [.. network.Decisions, .. settings.Select(s => new Decision(LabelPrefix + s.Name, s.Values))];
    }

    /// <summary>Reads one setting's values as a custom space's parameter is written: <c>{ "choice": [...] }</c>, <c>{ "int": [lo, hi], ... }</c> or <c>{ "float": [lo, hi], "log": true, "levels": 5 }</c>; null (with errors) otherwise.</summary>
    public static ScalarParameter? ReadSetting(string name, System.Text.Json.JsonElement element, string path, List<SpecError> errors) =>
        CustomSpaceReader.ReadScalar(name, element, path, errors);

    /// <summary>The space of the networks.</summary>
    public ISearchSpace Network { get; }

    /// <summary>The training settings searched, in order.</summary>
    public IReadOnlyList<ScalarParameter> Settings { get; }

    /// <inheritdoc />
    public string Kind => Network.Kind;

    /// <inheritdoc />
    public IReadOnlyList<Decision> Decisions => _decisions;

    /// <inheritdoc />
    public long Size
    {
        get
        {
            var size = Network is IFiniteSearchSpace finite ? finite.Size : long.MaxValue;
            foreach (var setting in Settings)
            {
                size = NumberLevels.Multiply(size, setting.Values.Count);
            }

            return size;
        }
    }

    /// <inheritdoc />
    public Architecture Create(IReadOnlyDictionary<string, string> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var network = Network.Create(choices.Where(c => !c.Key.StartsWith(LabelPrefix, StringComparison.Ordinal)).ToDictionary(StringComparer.Ordinal));
        var values = new List<string>();
        foreach (var setting in Settings)
        {
            if (!choices.TryGetValue(LabelPrefix + setting.Name, out var value) || !setting.Values.Contains(value))
            {
                throw new ArgumentException($"Decision '{LabelPrefix}{setting.Name}' must be one of {string.Join(", ", setting.Values)}.", nameof(choices));
            }

            values.Add(value);
        }

        return Join(network, values);
    }

    /// <inheritdoc />
    public Architecture Parse(string canonical)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        var at = canonical.LastIndexOf(Separator);
        if (at < 0)
        {
            throw new FormatException($"'{canonical}' names no training settings: expected NETWORK{Separator}{string.Join(";", Settings.Select(s => s.Name + "=..."))}.");
        }

        var network = Network.Parse(canonical[..at]);
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var part in canonical[(at + 1)..].Split(';'))
        {
            var pair = part.Split('=', 2);
            if (pair.Length != 2 || Settings.All(s => s.Name != pair[0]))
            {
                problems.Add($"'{part}' is not a setting of this space ({string.Join(", ", Settings.Select(s => s.Name))})");
            }
            else if (!given.TryAdd(pair[0], pair[1]))
            {
                problems.Add($"'{pair[0]}' is given twice");
            }
        }

        var values = new List<string>();
        foreach (var setting in Settings)
        {
            if (!given.TryGetValue(setting.Name, out var value))
            {
                problems.Add($"'{setting.Name}' is missing");
            }
            else if (!setting.Values.Contains(value))
            {
                problems.Add($"'{setting.Name}={value}' is not one of {string.Join(", ", setting.Values)}");
            }

            values.Add(value ?? string.Empty);
        }

        if (problems.Count > 0)
        {
            throw new FormatException($"'{canonical}' has bad training settings: {string.Join("; ", problems)}.");
        }

        var joined = Join(network, values);
        if (joined.Canonical != canonical)
        {
            throw new FormatException($"'{canonical}' is not canonical: write it as '{joined.Canonical}'.");
        }

        return joined;
    }

    /// <summary>The network part of a joint architecture, as an architecture of <see cref="Network"/>.</summary>
    public Architecture NetworkOf(Architecture architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        var at = architecture.Canonical.LastIndexOf(Separator);
        return Network.Parse(at < 0 ? architecture.Canonical : architecture.Canonical[..at]);
    }

    /// <summary>The settings a joint architecture picked: setting name to value, in <see cref="Settings"/> order.</summary>
    public IReadOnlyDictionary<string, string> SettingsOf(Architecture architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        return Settings
            .Where(s => architecture.Choices.ContainsKey(LabelPrefix + s.Name))
            .ToDictionary(s => s.Name, s => architecture.Choices[LabelPrefix + s.Name], StringComparer.Ordinal);
    }

    private Architecture Join(Architecture network, IReadOnlyList<string> values)
    {
        var choices = new Dictionary<string, string>(network.Choices, StringComparer.Ordinal);
        for (var i = 0; i < Settings.Count; i++)
        {
            choices[LabelPrefix + Settings[i].Name] = values[i];
        }

        var settings = string.Join(";", Settings.Select((s, i) => $"{s.Name}={values[i]}"));
        return new Architecture($"{network.Canonical}{Separator}{settings}", choices);
    }
}
