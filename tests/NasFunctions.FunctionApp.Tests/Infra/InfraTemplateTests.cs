using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using NasFunctions.Orchestration;
using NasFunctions.Orchestration.Evaluation;
using NasFunctions.Storage;

namespace NasFunctions.FunctionApp.Tests.Infra;

/// <summary>The essentials of the compiled ARM template: GPU profile, identity, no shared keys or listKeys, HTTPS, the settings the app binds.</summary>
public sealed class InfraTemplateTests
{
    private static readonly string[] GpuProfiles = ["Consumption-GPU-NC8as-T4", "Consumption-GPU-NC24-A100"];

    private static CompiledTemplate Template => CompiledTemplate.MainTemplate;

    [Fact]
    public void The_container_apps_environment_has_the_chosen_serverless_gpu_profile_and_the_app_runs_on_it()
    {
        AllowedValues(Template.Root, "gpuProfile").ShouldBe(GpuProfiles);
        var module = Template.Module("containerApp");
        AllowedValues(module, "gpuProfile").ShouldBe(GpuProfiles);
        var environment = Template.OfType("Microsoft.App/managedEnvironments").ShouldHaveSingleItem();
        var gpu = environment["properties"]!["workloadProfiles"]!.AsArray()
            .Single(p => (string?)p!["workloadProfileType"] == "[parameters('gpuProfile')]")!;
        var app = Template.OfType("Microsoft.App/containerApps").ShouldHaveSingleItem();

        Resolve(module, (string)app["properties"]!["workloadProfileName"]!).ShouldBe(Resolve(module, (string)gpu["name"]!));
        ModuleParameter("containerApp", "gpuProfile").ShouldBe("[parameters('gpuProfile')]");
        ((string?)app["kind"]).ShouldBe("functionapp");
    }

    [Fact]
    public void The_gpu_app_scales_to_zero_with_a_replica_cap_and_one_training_per_replica()
    {
        var app = Template.OfType("Microsoft.App/containerApps").ShouldHaveSingleItem();
        var scale = app["properties"]!["template"]!["scale"]!;

        ((int)scale["minReplicas"]!).ShouldBe(0);
        ((string?)scale["maxReplicas"]).ShouldBe("[parameters('maxReplicas')]");
        ModuleParameter("containerApp", "maxReplicas").ShouldBe("[parameters('maxInstances')]");
        HostJson()["extensions"]!["durableTask"]!["maxConcurrentActivityFunctions"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public void A_parameter_chooses_flex_consumption_instead_for_cpu_only_searches()
    {
        AllowedValues(Template.Root, "hosting").ShouldBe(["containerApps", "flexConsumption"]);
        var plan = Template.OfType("Microsoft.Web/serverfarms").ShouldHaveSingleItem();

        ((string?)plan["sku"]!["tier"]).ShouldBe("FlexConsumption");
        Deployment("flexApp")["condition"]!.ToString().ShouldBe("[not(variables('onContainerApps'))]");
        Deployment("containerApp")["condition"]!.ToString().ShouldBe("[variables('onContainerApps')]");
    }

    [Fact]
    public void Both_hostings_run_as_the_user_assigned_identity()
    {
        Template.OfType("Microsoft.ManagedIdentity/userAssignedIdentities").ShouldHaveSingleItem();
        var apps = Template.OfType("Microsoft.App/containerApps").Concat(Template.OfType("Microsoft.Web/sites")).ToList();

        apps.Count.ShouldBe(2);
        apps.ShouldAllBe(a => (string?)a["identity"]!["type"] == "UserAssigned");
        var pull = Template.OfType("Microsoft.App/containerApps").Single()["properties"]!["configuration"]!["registries"]![0]!;
        ((string?)pull["identity"]).ShouldBe("[parameters('identityId')]");
    }

    [Fact]
    public void Storage_has_shared_keys_off_and_the_identity_gets_blob_queue_and_table_data_roles()
    {
        var account = Template.OfType("Microsoft.Storage/storageAccounts").ShouldHaveSingleItem();
        var storage = Template.Module("storage");

        account["properties"]!["allowSharedKeyAccess"]!.GetValue<bool>().ShouldBeFalse();
        account["properties"]!["allowBlobPublicAccess"]!.GetValue<bool>().ShouldBeFalse();
        storage["variables"]!["dataRoles"]!.AsObject().Select(r => (string)r.Value!).Order().ShouldBe([
            "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", // Storage Table Data Contributor
            "974c5e8b-45b9-4653-ba55-5f855dd0fb88", // Storage Queue Data Contributor
            "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", // Storage Blob Data Owner
        ]);
        var assignment = Template.Resources().Single(r => r.Template == storage && (string?)r.Resource["type"] == "Microsoft.Authorization/roleAssignments").Resource;
        assignment["copy"].ShouldNotBeNull();
        ((string?)assignment["properties"]!["principalId"]).ShouldBe("[parameters('principalId')]");
    }

    [Fact]
    public void No_key_or_secret_is_listed_anywhere()
    {
        Regex.IsMatch(Template.Text, @"\blist[A-Za-z]*\(", RegexOptions.IgnoreCase).ShouldBeFalse("listKeys / listSecrets would put keys in the deployment");
        Template.Text.ShouldNotContain("AccountKey=", Case.Insensitive);
    }

    [Fact]
    public void Everything_is_https_only()
    {
        var account = Template.OfType("Microsoft.Storage/storageAccounts").Single();
        var ingress = Template.OfType("Microsoft.App/containerApps").Single()["properties"]!["configuration"]!["ingress"]!;
        var site = Template.OfType("Microsoft.Web/sites").Single();

        account["properties"]!["supportsHttpsTrafficOnly"]!.GetValue<bool>().ShouldBeTrue();
        ((string?)account["properties"]!["minimumTlsVersion"]).ShouldBe("TLS1_2");
        ingress["allowInsecure"]!.GetValue<bool>().ShouldBeFalse();
        site["properties"]!["httpsOnly"]!.GetValue<bool>().ShouldBeTrue();
        foreach (string module in new[] { "containerApp", "flexApp" })
        {
            Template.Module(module)["outputs"]!["apiBaseUrl"]!["value"]!.ToString().ShouldStartWith("[format('https://");
        }

        Template.Root["outputs"]!["apiBaseUrl"].ShouldNotBeNull();
    }

    [Fact]
    public void Every_nas_setting_the_template_writes_is_an_option_the_app_binds()
    {
        var names = Template.AppSettingNames();
        var bound = new Dictionary<string, Type>
        {
            [$"{HostSettings.Section}__Storage__"] = typeof(StorageOptions),
            [$"{HostSettings.Section}__Evaluator__"] = typeof(EvaluatorHostOptions),
            [$"{HostSettings.StorageConnectionName}__"] = typeof(StorageConnectionSettings),
            [$"{HostSettings.HostStorageConnectionName}__"] = typeof(StorageConnectionSettings),
        };
        string[] platform = ["FUNCTIONS_WORKER_RUNTIME", "APPLICATIONINSIGHTS_CONNECTION_STRING", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING"];

        names.ShouldNotBeEmpty();
        foreach (string name in names.Where(n => !platform.Contains(n)))
        {
            var (prefix, options) = bound.Where(b => name.StartsWith(b.Key, StringComparison.Ordinal))
                .OrderByDescending(b => b.Key.Length).FirstOrDefault();
            options.ShouldNotBeNull($"{name} is neither a platform setting nor under a section the app binds");
            BindableProperties(options).ShouldContain(name[prefix.Length..], StringComparer.OrdinalIgnoreCase, $"{name}: {options.Name} has no such option");
        }
    }

    [Fact]
    public void The_identity_settings_the_template_writes_make_the_app_start_on_managed_identity()
    {
        var names = Template.AppSettingNames();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(names
            .Where(n => n.Contains("__", StringComparison.Ordinal))
            .Select(n => KeyValuePair.Create(n.Replace("__", ":", StringComparison.Ordinal), (string?)(Template.LiteralSetting(n) ?? Placeholder(n)))))
            .Build();

        foreach (string connection in new[] { HostSettings.StorageConnectionName, HostSettings.HostStorageConnectionName })
        {
            var read = HostSettings.ReadConnection(configuration, connection);
            read.Credential.ShouldBeOfType<ManagedIdentityCredential>($"{connection}__credential must be managedidentity");
            read.BlobServiceUri.ShouldNotBeNull();
        }

        var (storage, _) = HostSettings.Read(configuration, HostSettings.ReadConnection(configuration, HostSettings.StorageConnectionName));
        storage.DatasetsContainer.ShouldBe(Placeholder("Nas__Storage__DatasetsContainer"));
    }

    [Fact]
    public void The_task_hub_the_template_scales_on_is_the_one_host_json_names()
    {
        var durable = HostJson()["extensions"]!["durableTask"]!;

        DefaultOf(Template.Root, "hubName").ShouldBe(durable["hubName"]!.ToString());
        DefaultOf(Template.Root, "hubPartitionCount").ShouldBe(durable["storageProvider"]!["partitionCount"]!.ToString());
        ((string?)durable["storageProvider"]!["connectionName"]).ShouldBe(HostSettings.HostStorageConnectionName);
    }

    private static string Placeholder(string setting) => setting switch
    {
        _ when setting.EndsWith("__accountName", StringComparison.Ordinal) => "nasdata",
        _ when setting.EndsWith("__clientId", StringComparison.Ordinal) => "8d1a5f0e-3c1b-4f5e-9a7d-2b6c4e8f0a1d",
        "Nas__Storage__DatasetsContainer" => "training-sets",
        _ => "placeholder",
    };

    private static IEnumerable<string> BindableProperties(Type options) =>
        options.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true })
            .Where(p => (Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType) is var t && (t.IsPrimitive || t == typeof(string)))
            .Select(p => p.Name);

    private static JsonObject Deployment(string name) =>
        Template.OfType("Microsoft.Resources/deployments").Single(d => (string?)d["name"] == name);

    private static string? ModuleParameter(string module, string parameter) =>
        Deployment(module)["properties"]!["parameters"]![parameter]!["value"]!.ToString();

    private static string[] AllowedValues(JsonObject template, string parameter) =>
        template["parameters"]![parameter]!["allowedValues"]!.AsArray().Select(v => v!.ToString()).ToArray();

    private static string? DefaultOf(JsonObject template, string parameter) => template["parameters"]![parameter]!["defaultValue"]?.ToString();

    private static string Resolve(JsonObject template, string value)
    {
        var variable = Regex.Match(value, @"^\[variables\('(?<name>[^']+)'\)\]$");
        return variable.Success ? template["variables"]![variable.Groups["name"].Value]!.ToString() : value;
    }

    private static JsonNode HostJson() => JsonNode.Parse(File.ReadAllText(RepositoryFiles.Path("host.json")))!;
}
