// NasFunctions on Azure: storage (no shared keys), monitoring, an app identity, and the Functions app on either serverless
// GPUs in Azure Container Apps (default) or Flex Consumption (CPU only). Deploy: docs/deploy.md.

@description('Where the Functions app runs: containerApps (serverless GPU, a container image) or flexConsumption (CPU only, a code package).')
@allowed([
  'containerApps'
  'flexConsumption'
])
param hosting string = 'containerApps'

@description('Azure region for every resource; for containerApps, one that offers the chosen serverless GPU.')
param location string = resourceGroup().location

@description('Prefix of every resource name (lowercase letters and digits).')
@minLength(2)
@maxLength(8)
param namePrefix string = 'nas'

@description('Serverless GPU profile (containerApps): NVIDIA T4 or A100, one per replica.')
@allowed([
  'Consumption-GPU-NC8as-T4'
  'Consumption-GPU-NC24-A100'
])
param gpuProfile string = 'Consumption-GPU-NC8as-T4'

@description('Most replicas (containerApps) or instances (flexConsumption) at once; each runs one training.')
@minValue(1)
@maxValue(100)
param maxInstances int = 2

@description('Container image (containerApps). The default is a placeholder until the project image is pushed (docs/deploy.md).')
param image string = 'mcr.microsoft.com/azure-functions/dotnet8-quickstart-demo:1.0'

@description('Instance memory in MB (flexConsumption).')
@allowed([
  2048
  4096
])
param flexInstanceMemoryMB int = 4096

@description('.NET isolated worker version (flexConsumption).')
param flexRuntimeVersion string = '10.0'

@description('Durable task hub name; must match host.json extensions.durableTask.hubName.')
param hubName string = 'nas'

@description('Control queues of the task hub; must match host.json extensions.durableTask.storageProvider.partitionCount.')
@minValue(1)
@maxValue(16)
param hubPartitionCount int = 4

@description('Blob container of blob: data sets (the app setting Nas__Storage__DatasetsContainer).')
param datasetsContainer string = 'datasets'

var suffix = uniqueString(resourceGroup().id, namePrefix)
var onContainerApps = hosting == 'containerApps'
var deploymentContainer = 'app-package'

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: 'id-${namePrefix}-${suffix}'
    location: location
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: take('st${namePrefix}${suffix}', 24)
    location: location
    principalId: identity.outputs.principalId
    containers: onContainerApps ? [datasetsContainer] : [datasetsContainer, deploymentContainer]
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    name: '${namePrefix}-${suffix}'
    location: location
    principalId: identity.outputs.principalId
  }
}

module registry 'modules/registry.bicep' = if (onContainerApps) {
  name: 'registry'
  params: {
    name: 'cr${namePrefix}${suffix}'
    location: location
    principalId: identity.outputs.principalId
  }
}

// What the app reads: the identity-based connections of the app (NasStorage) and of the Functions host and its task hub
// (AzureWebJobsStorage), the Nas:Storage options, and Application Insights with Entra ID sign-in.
var appSettings = [
  {
    name: 'NasStorage__accountName'
    value: storage.outputs.name
  }
  {
    name: 'NasStorage__credential'
    value: 'managedidentity'
  }
  {
    name: 'NasStorage__clientId'
    value: identity.outputs.clientId
  }
  {
    name: 'AzureWebJobsStorage__accountName'
    value: storage.outputs.name
  }
  {
    name: 'AzureWebJobsStorage__credential'
    value: 'managedidentity'
  }
  {
    name: 'AzureWebJobsStorage__clientId'
    value: identity.outputs.clientId
  }
  {
    name: 'Nas__Storage__DatasetsContainer'
    value: datasetsContainer
  }
  {
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    value: monitoring.outputs.connectionString
  }
  {
    name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
    value: 'ClientId=${identity.outputs.clientId};Authorization=AAD'
  }
]

module containerApp 'modules/containerapp.bicep' = if (onContainerApps) {
  name: 'containerApp'
  params: {
    name: 'func-${namePrefix}-${suffix}'
    environmentName: 'cae-${namePrefix}-${suffix}'
    location: location
    gpuProfile: gpuProfile
    maxReplicas: maxInstances
    image: image
    registryServer: registry!.outputs.loginServer
    identityId: identity.outputs.id
    workspaceId: monitoring.outputs.workspaceId
    storageAccountName: storage.outputs.name
    hubName: hubName
    hubPartitionCount: hubPartitionCount
    settings: concat(appSettings, [
      {
        name: 'FUNCTIONS_WORKER_RUNTIME'
        value: 'dotnet-isolated'
      }
    ])
  }
}

module flexApp 'modules/flexconsumption.bicep' = if (!onContainerApps) {
  name: 'flexApp'
  params: {
    name: 'func-${namePrefix}-${suffix}'
    location: location
    maximumInstanceCount: maxInstances
    instanceMemoryMB: flexInstanceMemoryMB
    runtimeVersion: flexRuntimeVersion
    identityId: identity.outputs.id
    blobEndpoint: storage.outputs.blobEndpoint
    deploymentContainer: deploymentContainer
    settings: appSettings
  }
}

@description('Base URL of the HTTP API, for example https://func-nas-abc.westus3.azurecontainerapps.io/api.')
output apiBaseUrl string = onContainerApps ? containerApp!.outputs.apiBaseUrl : flexApp!.outputs.apiBaseUrl

@description('Name of the function app (for az functionapp / az containerapp commands).')
output functionAppName string = onContainerApps ? containerApp!.outputs.appName : flexApp!.outputs.appName

@description('Registry login server to push the image to (containerApps); empty on flexConsumption.')
output registryLoginServer string = onContainerApps ? registry!.outputs.loginServer : ''

@description('Storage account name (upload blob: data sets to its datasets container).')
output storageAccountName string = storage.outputs.name
