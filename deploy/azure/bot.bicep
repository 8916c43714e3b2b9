// Azure Bot resource for SupportBot with the Microsoft Teams channel.
// Deploy: az deployment group create -g <rg> -f bot.bicep -p @bot.parameters.example.json
// Not run from this repository's CI (no Azure access there); checked with `az bicep build` where available.

@description('Globally unique name of the Azure Bot resource (also its handle).')
param botName string

@description('Public HTTPS host name that serves the SupportBot host, e.g. support.contoso.com.')
param hostName string

@allowed([ 'SingleTenant', 'MultiTenant', 'UserAssignedMSI' ])
@description('How the bot identity is registered; must match the host setting MicrosoftAppType.')
param msaAppType string = 'SingleTenant'

@description('Application (client) id of the Entra app registration, or the client id of the user-assigned identity. Leave empty with UserAssignedMSI to create one here.')
param msaAppId string = ''

@description('Tenant of the app registration / identity (SingleTenant and UserAssignedMSI).')
param msaAppTenantId string = tenant().tenantId

@description('Display name shown in channels.')
param displayName string = 'SupportBot'

@allowed([ 'F0', 'S1' ])
param sku string = 'F0'

var createIdentity = msaAppType == 'UserAssignedMSI' && empty(msaAppId)

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = if (createIdentity) {
  name: '${botName}-identity'
  location: resourceGroup().location
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  kind: 'azurebot'
  sku: { name: sku }
  properties: {
    displayName: displayName
    endpoint: 'https://${hostName}/api/messages'
    msaAppType: msaAppType
    msaAppId: createIdentity ? identity.properties.clientId : msaAppId
    msaAppTenantId: msaAppType == 'MultiTenant' ? '' : msaAppTenantId
    msaAppMSIResourceId: msaAppType == 'UserAssignedMSI' ? (createIdentity ? identity.id : '') : ''
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      acceptedTerms: true
    }
  }
}

@description('Set this as MicrosoftAppId on the host.')
output microsoftAppId string = bot.properties.msaAppId

@description('The messaging endpoint configured on the bot.')
output messagingEndpoint string = bot.properties.endpoint
