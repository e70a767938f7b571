// Log Analytics and workspace-based Application Insights. Local (key) authentication is off: the app's identity publishes
// telemetry with the Monitoring Metrics Publisher role.

@description('Base name of the workspace and the component.')
param name string

@description('Azure region.')
param location string

@description('Principal id of the app identity that publishes telemetry.')
param principalId string

@description('Days Log Analytics keeps logs.')
@minValue(30)
param retentionInDays int = 30

var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
  name: 'log-${name}'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${name}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
  }
}

resource publisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(insights.id, principalId, monitoringMetricsPublisher)
  scope: insights
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
  }
}

@description('Workspace resource id (the Container Apps environment sends its logs there).')
output workspaceId string = workspace.id

@description('Application Insights connection string (an ingestion endpoint and id, not a key).')
output connectionString string = insights.properties.ConnectionString
