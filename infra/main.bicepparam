// Defaults for a small GPU deployment; override any with --parameters NAME=VALUE (docs/deploy.md).
using 'main.bicep'

// Serverless GPUs on Azure Container Apps; flexConsumption runs CPU-only searches without a container.
param hosting = 'containerApps'

// NVIDIA T4 (8 vCPU, 56 GiB): the cheaper GPU, plenty for small CNNs; Consumption-GPU-NC24-A100 for large ones.
param gpuProfile = 'Consumption-GPU-NC8as-T4'

// At most 2 GPUs (so 2 trainings) at once: caps the bill; raise it with the GPU quota.
param maxInstances = 2

// Placeholder until the project's image is pushed (step 4 of docs/deploy.md), then <registry>/nasfunctions:gpu.
param image = 'mcr.microsoft.com/azure-functions/dotnet8-quickstart-demo:1.0'

// Must match host.json extensions.durableTask.hubName.
param hubName = 'nas'
