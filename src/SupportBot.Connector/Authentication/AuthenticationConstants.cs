namespace SupportBot.Connector.Authentication;

/// <summary>Public-cloud Bot Framework endpoints, issuers and claim names (protocol.md §3, §4).</summary>
public static class AuthenticationConstants
{
    /// <summary>The only issuer of tokens minted by Azure Bot Service for channels.</summary>
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    /// <summary>OpenID metadata of the Azure Bot Service token issuer.</summary>
    public const string BotFrameworkOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>OpenID metadata for Entra ID tokens (Emulator, bot-to-bot).</summary>
    public const string EntraOpenIdMetadataUrl = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>Login authority for multi-tenant bots; single-tenant bots replace the last segment with their tenant id.</summary>
    public const string LoginAuthorityBase = "https://login.microsoftonline.com/";

    /// <summary>Tenant segment used by multi-tenant bots when requesting app tokens.</summary>
    public const string MultiTenantAuthorityTenant = "botframework.com";

    /// <summary>Scope of app tokens for calling the Bot Connector.</summary>
    public const string ConnectorScope = "https://api.botframework.com/.default";

    /// <summary>Resource of managed-identity tokens for calling the Bot Connector.</summary>
    public const string ConnectorResource = "https://api.botframework.com";

    /// <summary>Claim carrying the serviceUrl the token was minted for.</summary>
    public const string ServiceUrlClaim = "serviceurl";

    /// <summary>Caller app id claim in v1 Entra tokens.</summary>
    public const string AppIdClaim = "appid";

    /// <summary>Caller app id claim in v2 Entra tokens.</summary>
    public const string AuthorizedPartyClaim = "azp";

    /// <summary>Token version claim.</summary>
    public const string VersionClaim = "ver";

    /// <summary><c>callerId</c> for activities that came through Azure Bot Service.</summary>
    public const string AzureChannelCallerId = "urn:botframework:azure";

    /// <summary><c>callerId</c> prefix for activities sent by another bot (append its app id).</summary>
    public const string BotCallerIdPrefix = "urn:botframework:aadappid:";

    /// <summary>Entra tenants whose tokens the Bot Framework uses for the Emulator and bot-to-bot calls.</summary>
    public static readonly IReadOnlyList<string> BotFrameworkTenants =
    [
        "d6d49420-f39b-4df7-a1dc-d59a935871db", // v3.1 tokens
        "f8cdef31-a31e-4b4a-93e4-5f571e91255a", // v3.2 tokens
        "69e9b82d-4842-4902-8d1e-abc5b98a55e8", // listed by the Agents SDK
    ];

    /// <summary>The v1 (<c>sts.windows.net</c>) and v2 (<c>login.microsoftonline.com/…/v2.0</c>) issuer forms of a tenant.</summary>
    public static IEnumerable<string> EntraIssuersFor(string tenantId)
    {
        yield return $"https://sts.windows.net/{tenantId}/";
        yield return $"https://login.microsoftonline.com/{tenantId}/v2.0";
    }
}
