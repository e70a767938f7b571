# The GPU host: the published Functions app with CUDA libtorch (-p:NasTorchBackend=cuda) on the Azure Functions .NET isolated
# base image (Debian 12); the NVIDIA driver comes from the Container Apps GPU host. Build context: the publish folder, copied
# whole; nothing is built here (docs/deploy.md):
#   dotnet publish src/NasFunctions.FunctionApp -c Release -p:NasTorchBackend=cuda -o artifacts/functionapp-cuda
#   docker build -f infra/container/gpu.Dockerfile -t REGISTRY/nasfunctions:gpu artifacts/functionapp-cuda
FROM mcr.microsoft.com/azure-functions/dotnet-isolated:4-dotnet-isolated10.0
ENV AzureWebJobsScriptRoot=/home/site/wwwroot \
    AzureFunctionsJobHost__Logging__Console__IsEnabled=true \
    NVIDIA_VISIBLE_DEVICES=all \
    NVIDIA_DRIVER_CAPABILITIES=compute,utility
COPY . /home/site/wwwroot
