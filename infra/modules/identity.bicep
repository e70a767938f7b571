// The app's user-assigned managed identity: storage, the registry and Application Insights trust it, not keys.

@description('Name of the identity.')
param name string

@description('Azure region.')
param location string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
}

@description('Resource id (for identity blocks and registry pulls).')
output id string = identity.id

@description('Client id (the app settings NasStorage__clientId and AzureWebJobsStorage__clientId).')
output clientId string = identity.properties.clientId

@description('Principal id (for role assignments).')
output principalId string = identity.properties.principalId
