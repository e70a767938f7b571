// The Functions app as a container on Azure Container Apps, on a serverless GPU workload profile: per-second billing,
// scale to zero, one GPU and one training per replica (host.json maxConcurrentActivityFunctions = 1), a cap on replicas.

@description('Name of the function container app.')
param name string

@description('Name of the Container Apps environment.')
param environmentName string

@description('Azure region (one that offers serverless GPUs).')
param location string

@description('Serverless GPU workload profile: NVIDIA T4 (8 vCPU, 56 GiB) or A100 (24 vCPU, 220 GiB), one GPU per replica.')
@allowed([
  'Consumption-GPU-NC8as-T4'
  'Consumption-GPU-NC24-A100'
])
param gpuProfile string

@description('Most replicas, so the most trainings (and GPUs billed) at once.')
@minValue(1)
param maxReplicas int

@description('Container image, for example nasabc123.azurecr.io/nasfunctions:gpu.')
param image string

@description('Registry login server the image is pulled from with the app identity.')
param registryServer string

@description('Resource id of the app identity.')
param identityId string

@description('Log Analytics workspace the environment logs to.')
param workspaceId string

@description('Storage account of the durable task hub (its queues drive scaling).')
param storageAccountName string

@description('Durable task hub name, as in host.json (extensions.durableTask.hubName).')
param hubName string

@description('Control queues of the task hub, as in host.json (extensions.durableTask.storageProvider.partitionCount).')
param hubPartitionCount int

@description('App settings, as name/value pairs.')
param settings object[]

var gpuProfileName = 'gpu'

// The replica size is the whole GPU profile: a replica is one GPU machine.
var replicaSize = {
  'Consumption-GPU-NC8as-T4': {
    cpu: 8
    memory: '56Gi'
  }
  'Consumption-GPU-NC24-A100': {
    cpu: 24
    memory: '220Gi'
  }
}

// The Azure Storage provider's queues: one message per pending activity (work items) or orchestration step (control).
var hubQueues = concat(['${toLower(hubName)}-workitems'], map(range(0, hubPartitionCount), partition => '${toLower(hubName)}-control-${padLeft(partition, 2, '0')}'))

resource environment 'Microsoft.App/managedEnvironments@2025-07-01' = {
  name: environmentName
  location: location
  properties: {
    appLogsConfiguration: {
      destination: 'azure-monitor'
    }
    workloadProfiles: [
      {
        name: 'Consumption'
        workloadProfileType: 'Consumption'
      }
      {
        name: gpuProfileName
        workloadProfileType: gpuProfile
      }
    ]
  }
}

resource environmentLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: environment
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
  }
}

resource app 'Microsoft.App/containerApps@2025-07-01' = {
  name: name
  location: location
  kind: 'functionapp'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    managedEnvironmentId: environment.id
    workloadProfileName: gpuProfileName
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: 80
        allowInsecure: false
        transport: 'auto'
      }
      registries: [
        {
          server: registryServer
          identity: identityId
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'functions'
          image: image
          env: settings
          resources: replicaSize[gpuProfile]
        }
      ]
      scale: {
        minReplicas: 0
        maxReplicas: maxReplicas
        rules: [
          for queue in hubQueues: {
            name: queue
            azureQueue: {
              accountName: storageAccountName
              queueName: queue
              queueLength: 1
              identity: identityId
            }
          }
        ]
      }
    }
  }
}

@description('Base URL of the HTTP API.')
output apiBaseUrl string = 'https://${app.properties.configuration.ingress.fqdn}/api'

@description('Name of the function container app.')
output appName string = app.name
