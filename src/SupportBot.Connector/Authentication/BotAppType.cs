namespace SupportBot.Connector.Authentication;

/// <summary>
/// How the bot's Microsoft App ID was registered (configuration key <c>MicrosoftAppType</c>).
/// It decides which authority issues the bot's outbound tokens and which tenant issuers are accepted inbound.
/// </summary>
public enum BotAppType
{
    /// <summary>Multi-tenant app registration: tokens from <c>login.microsoftonline.com/botframework.com</c>.</summary>
    MultiTenant,

    /// <summary>Single-tenant app registration: tokens from <c>login.microsoftonline.com/{MicrosoftAppTenantId}</c>.</summary>
    SingleTenant,

    /// <summary>User-assigned managed identity; <c>MicrosoftAppId</c> is the identity's client id.</summary>
    UserAssignedMSI,
}
