using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NasFunctions.Api;
using NasFunctions.Orchestration;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
string connection = builder.Configuration["NasStorage"] ?? builder.Configuration["AzureWebJobsStorage"]
    ?? throw new InvalidOperationException("Set NasStorage or AzureWebJobsStorage to a storage connection string.");
var (storage, evaluator) = HostSettings.Read(builder.Configuration, connection);
builder.Services.AddNasSearch(storage, evaluator);
builder.Services.AddSingleton(SearchIdGenerator.System);
builder.Build().Run();
