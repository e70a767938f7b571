using System.Text.Json;
using Microsoft.AspNetCore.Http;
using System.Text;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NasFunctions.Storage.Emulator;

namespace NasFunctions.FunctionApp.Tests;

/// <summary>An error inside a Functions HTTP handler reaches the caller as the API's short 500 problem, never as a bare 500 or a stack.</summary>
public sealed class ProblemDetailsMiddlewareTests
{
    [Fact]
    public async Task An_error_in_an_http_function_becomes_a_500_problem_without_its_message()
    {
        var http = new DefaultHttpContext();
        http.Response.Body = new MemoryStream();
        http.Response.Headers["Location"] = "half-written";
        var middleware = new ProblemDetailsMiddleware(NullLogger<ProblemDetailsMiddleware>.Instance);

        await middleware.Invoke(new FakeFunctionContext("CreateSearch", http), _ => throw new InvalidOperationException("secret /srv/data/path"));

        http.Response.StatusCode.ShouldBe(500);
        http.Response.ContentType.ShouldBe("application/problem+json");
        http.Response.Headers.ContainsKey("Location").ShouldBeFalse();
        string body = System.Text.Encoding.UTF8.GetString(((MemoryStream)http.Response.Body).ToArray());
        body.ShouldNotContain("secret");
        using var problem = JsonDocument.Parse(body);
        problem.RootElement.GetProperty("status").GetInt32().ShouldBe(500);
        problem.RootElement.GetProperty("title").GetString().ShouldBe("Internal error");
    }

    [Fact]
    public async Task A_successful_http_function_is_left_alone()
    {
        var http = new DefaultHttpContext();
        http.Response.Body = new MemoryStream();
        var middleware = new ProblemDetailsMiddleware(NullLogger<ProblemDetailsMiddleware>.Instance);

        await middleware.Invoke(new FakeFunctionContext("ListSearches", http), _ =>
        {
            http.Response.StatusCode = 200;
            return Task.CompletedTask;
        });

        (http.Response.StatusCode, http.Response.Body.Length).ShouldBe((200, 0L));
    }

    [Fact]
    public async Task An_error_in_an_activity_is_rethrown_for_the_durable_engine()
    {
        var middleware = new ProblemDetailsMiddleware(NullLogger<ProblemDetailsMiddleware>.Instance);

        await Should.ThrowAsync<InvalidOperationException>(() =>
            middleware.Invoke(new FakeFunctionContext("TrainCandidate", http: null), _ => throw new InvalidOperationException("trial failed")));
    }

    [Fact]
    public async Task The_create_handler_failing_on_unprepared_storage_answers_a_problem_not_a_bare_500()
    {
        // The app's services without its startup (the host is never started): a fresh account with no container, as the
        // Functions app had before it prepared storage; the real handler's storage error reaches the middleware.
        await using var azurite = await AzuriteProcess.StartAsync();
        var services = new ServiceCollection().AddNasFunctionApp(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["NasStorage"] = azurite.ConnectionString }).Build(),
            FunctionAppSetup.HostJsonPath);
        using var provider = services.BuildServiceProvider();
        var functions = ActivatorUtilities.CreateInstance<SearchHttpFunctions>(provider);
        var http = new DefaultHttpContext();
        http.Request.Method = "POST";
        http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes("{}"));
        http.Response.Body = new MemoryStream();
        var middleware = new ProblemDetailsMiddleware(NullLogger<ProblemDetailsMiddleware>.Instance);

        await middleware.Invoke(new FakeFunctionContext("CreateSearch", http), _ => functions.CreateSearch(http.Request, new RecordingDurableClient()));

        (http.Response.StatusCode, http.Response.ContentType).ShouldBe((500, "application/problem+json"));
        Encoding.UTF8.GetString(((MemoryStream)http.Response.Body).ToArray()).ShouldNotContain("ContainerNotFound");
    }

    [Fact]
    public void The_apps_startup_puts_the_middleware_in_the_worker_pipeline()
    {
        var builder = FunctionsApplication.CreateBuilder(["--NasStorage=UseDevelopmentStorage=true"]);

        builder.UseNasFunctionApp();

        builder.Services.ShouldContain(d => d.ServiceType == typeof(ProblemDetailsMiddleware));
    }
}
