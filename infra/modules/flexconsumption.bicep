// The Functions app on Flex Consumption, for CPU-only searches: no GPU, no container; the publish output is deployed as a
// package to a blob container read with the app identity. Per-second billing and scale to zero as well.

@description('Name of the function app.')
param name string

@description('Azure region.')
param location string

@description('Most instances, so the most trainings at once (one per instance).')
@minValue(1)
param maximumInstanceCount int

@description('Instance memory in MB (2048 or 4096).')
@allowed([
  2048
  4096
])
param instanceMemoryMB int

@description('.NET isolated worker version.')
param runtimeVersion string

@description('Resource id of the app identity.')
param identityId string

@description('Blob service endpoint of the storage account, ending in a slash.')
param blobEndpoint string

@description('Blob container the deployment package is uploaded to.')
param deploymentContainer string

@description('App settings, as name/value pairs.')
param settings object[]

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: 'plan-${name}'
  location: location
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: settings
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainer}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: runtimeVersion
      }
    }
  }
}

@description('Base URL of the HTTP API.')
output apiBaseUrl string = 'https://${site.properties.defaultHostName}/api'

@description('Name of the function app.')
output appName string = site.name
