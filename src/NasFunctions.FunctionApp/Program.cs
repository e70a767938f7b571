using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NasFunctions.Api;
using NasFunctions.Orchestration;
using NasFunctions.Storage;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
string connection = builder.Configuration["NasStorage"] ?? builder.Configuration["AzureWebJobsStorage"]
    ?? throw new InvalidOperationException("Set NasStorage or AzureWebJobsStorage to a storage connection string.");
builder.Services.AddNasSearch(new StorageOptions { ConnectionString = connection });
builder.Services.AddSingleton(SearchIdGenerator.System);
builder.Build().Run();
