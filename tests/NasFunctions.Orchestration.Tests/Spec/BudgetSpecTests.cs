using Microsoft.Extensions.Configuration;
using NasFunctions.Orchestration.Spec;

namespace NasFunctions.Orchestration.Tests.Spec;

/// <summary>The budget's wall-clock and compute limits in the spec, and the price table in configuration.</summary>
public class BudgetSpecTests
{
    [Theory]
    [InlineData("600", 600)]
    [InlineData("\"00:10:00\"", 600)]
    [InlineData("\"10m\"", 600)]
    [InlineData("\"90s\"", 90)]
    [InlineData("\"1.5h\"", 5400)]
    [InlineData("\"2d\"", 172800)]
    public void Reads_the_wall_clock_in_seconds_as_a_timespan_or_with_a_unit(string value, double seconds)
    {
        var result = SearchSpecReader.Read($$"""{ "budget": { "maxWallClock": {{value}}, "maxComputeSeconds": 120.5 } }""");

        result.Errors.ShouldBeEmpty();
        result.Spec!.Budget.MaxWallClock.ShouldBe(TimeSpan.FromSeconds(seconds));
        result.Spec.Budget.MaxComputeSeconds.ShouldBe(120.5);
    }

    [Fact]
    public void No_limit_is_set_unless_the_spec_asks_for_one()
    {
        var budget = SearchSpecReader.Read("{}").Spec!.Budget;

        (budget.MaxWallClock, budget.MaxComputeSeconds).ShouldBe((null, null));
    }

    [Theory]
    [InlineData("""{ "budget": { "maxWallClock": 0 } }""", "$.budget.maxWallClock", "must be from 1 to 2592000 seconds, not 0")]
    [InlineData("""{ "budget": { "maxWallClock": "31d" } }""", "$.budget.maxWallClock", "must be from 1 to 2592000 seconds, not 2678400")]
    [InlineData("""{ "budget": { "maxWallClock": "10 minutes" } }""", "$.budget.maxWallClock", null)]
    [InlineData("""{ "budget": { "maxWallClock": "-5m" } }""", "$.budget.maxWallClock", null)]
    [InlineData("""{ "budget": { "maxWallClock": "1e400s" } }""", "$.budget.maxWallClock", null)]
    [InlineData("""{ "budget": { "maxComputeSeconds": 0 } }""", "$.budget.maxComputeSeconds", null)]
    [InlineData("""{ "budget": { "maxComputeSeconds": 10000001 } }""", "$.budget.maxComputeSeconds", null)]
    [InlineData("""{ "budget": { "maxComputeSeconds": "1h" } }""", "$.budget.maxComputeSeconds", null)]
    public void Rejects_a_limit_out_of_its_bounds_at_its_path(string json, string path, string? message)
    {
        var error = SearchSpecReader.Read(json).Errors.ShouldHaveSingleItem();

        error.Path.ShouldBe(path);
        if (message is not null)
        {
            error.Message.ShouldBe(message);
        }
    }

    [Fact]
    public void The_hosts_caps_bound_the_limits()
    {
        var limits = new SpecLimits { MaxWallClock = TimeSpan.FromHours(1), MaxComputeSeconds = 100 };

        var errors = SearchSpecReader.Read("""{ "budget": { "maxWallClock": "2h", "maxComputeSeconds": 101 } }""", limits).Errors;

        errors.Select(e => e.Path).ShouldBe(["$.budget.maxWallClock", "$.budget.maxComputeSeconds"]);
    }

    [Fact]
    public void The_price_table_has_documented_defaults_and_reads_its_settings()
    {
        var defaults = HostSettings.ReadCost(new ConfigurationBuilder().Build());
        (defaults.PriceOf("cpu"), defaults.PriceOf("cuda"), defaults.PriceOf("auto"), defaults.Currency).ShouldBe((0.10, 1.00, 1.00, "USD"));

        var set = HostSettings.ReadCost(Settings(("Nas:Cost:PricePerHour:cpu", "0.4"), ("Nas:Cost:Currency", "EUR")));

        (set.PriceOf("cpu"), set.PriceOf("cuda"), set.Currency).ShouldBe((0.4, 1.00, "EUR"));
        set.Estimate("cpu", 9000).ShouldBe(1.0, "2.5 hours at 0.4");
    }

    [Theory]
    [InlineData("Nas:Cost:PricePerHour:tpu", "1", "'tpu' is no device kind")]
    [InlineData("Nas:Cost:PricePerHour:cpu", "-1", "PricePerHour:cpu must be from 0 to 10000")]
    [InlineData("Nas:Cost:PricePerHour:cuda", "lots", "Nas:Cost")]
    [InlineData("Nas:Cost:Currency", "US$", "Currency must be 1 to 8 letters")]
    [InlineData("Nas:Cost:Discount", "0.5", "Discount")]
    public void A_bad_price_setting_stops_the_host_with_the_reason(string key, string value, string reason)
    {
        var failure = Should.Throw<InvalidOperationException>(() => HostSettings.ReadCost(Settings((key, value))));

        failure.Message.ShouldContain(reason);
    }

    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
