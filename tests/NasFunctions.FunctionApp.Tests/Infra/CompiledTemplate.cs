using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NasFunctions.FunctionApp.Tests.Infra;

/// <summary>infra/main.bicep compiled to ARM JSON by the project's Bicep compiler (build/bicep.sh), with its nested module templates.</summary>
internal sealed partial class CompiledTemplate
{
    private static readonly Lazy<CompiledTemplate> Main = new(() => Compile("infra/main.bicep"));

    private CompiledTemplate(string text)
    {
        Text = text;
        Root = JsonNode.Parse(text)!.AsObject();
    }

    public static CompiledTemplate MainTemplate => Main.Value;

    /// <summary>The ARM JSON as the compiler printed it.</summary>
    public string Text { get; }

    public JsonObject Root { get; }

    /// <summary>Every resource, the nested deployments' (modules') included, each with the template that declares it.</summary>
    public IEnumerable<(JsonObject Resource, JsonObject Template)> Resources() => ResourcesOf(Root);

    public IEnumerable<JsonObject> OfType(string type) =>
        Resources().Where(r => (string?)r.Resource["type"] == type).Select(r => r.Resource);

    /// <summary>The nested template of the module deployed under <paramref name="name"/>.</summary>
    public JsonObject Module(string name) =>
        OfType("Microsoft.Resources/deployments").Single(d => (string?)d["name"] == name)["properties"]!["template"]!.AsObject();

    /// <summary>Names of the app settings written anywhere as <c>{ name: 'X', value: ... }</c> (compiled to <c>createObject('name', 'X', ...)</c>).</summary>
    public IReadOnlyList<string> AppSettingNames() =>
        SettingPattern().Matches(Text).Select(m => m.Groups["name"].Value).Distinct().ToList();

    /// <summary>The literal value of a setting, when the template gives one.</summary>
    public string? LiteralSetting(string name) =>
        SettingPattern().Matches(Text).Where(m => m.Groups["name"].Value == name && m.Groups["literal"].Success)
            .Select(m => m.Groups["literal"].Value).FirstOrDefault();

    private static IEnumerable<(JsonObject, JsonObject)> ResourcesOf(JsonObject template)
    {
        var resources = template["resources"] switch
        {
            JsonArray array => array.Select(r => r!.AsObject()),
            JsonObject symbolic => symbolic.Select(p => p.Value!.AsObject()),
            _ => [],
        };
        foreach (var resource in resources)
        {
            yield return (resource, template);
            if (resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in ResourcesOf(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    private static CompiledTemplate Compile(string relative)
    {
        var start = new ProcessStartInfo("bash", [RepositoryFiles.Path("build/bicep.sh"), "build", RepositoryFiles.Path(relative), "--stdout"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var bicep = Process.Start(start)!;
        var stdout = bicep.StandardOutput.ReadToEndAsync();
        var stderr = bicep.StandardError.ReadToEndAsync();
        bicep.WaitForExit();
        return bicep.ExitCode == 0 && stderr.Result.Trim().Length == 0
            ? new CompiledTemplate(stdout.Result)
            : throw new InvalidOperationException($"bicep build {relative} failed ({bicep.ExitCode}): {stderr.Result}");
    }

    [GeneratedRegex(@"createObject\('name', '(?<name>[A-Za-z0-9_]+)', 'value', (?:'(?<literal>[^']*)'(?=\)))?")]
    private static partial Regex SettingPattern();
}
