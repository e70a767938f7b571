# The CPU host: the published Functions app (libtorch for the CPU) on the Azure Functions .NET isolated base image (Debian 12).
# Build context: the publish folder, copied whole; nothing is built here (docs/deploy.md):
#   dotnet publish src/NasFunctions.FunctionApp -c Release -o artifacts/functionapp
#   docker build -f infra/container/cpu.Dockerfile -t REGISTRY/nasfunctions:cpu artifacts/functionapp
FROM mcr.microsoft.com/azure-functions/dotnet-isolated:4-dotnet-isolated10.0
ENV AzureWebJobsScriptRoot=/home/site/wwwroot \
    AzureFunctionsJobHost__Logging__Console__IsEnabled=true
COPY . /home/site/wwwroot
