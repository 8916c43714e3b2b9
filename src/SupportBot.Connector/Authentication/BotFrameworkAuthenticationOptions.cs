namespace SupportBot.Connector.Authentication;

/// <summary>
/// Bot identity and authentication settings. Bound from the configuration root so the Bot Framework names
/// work unchanged (<c>MicrosoftAppType</c>, <c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>,
/// <c>MicrosoftAppTenantId</c>, and the SDK's endpoint overrides <c>ToBotFromChannelOpenIdMetadataUrl</c>,
/// <c>ToBotFromEmulatorOpenIdMetadataUrl</c>, <c>ToChannelFromBotLoginUrl</c>).
/// With no <see cref="MicrosoftAppId"/> the bot runs anonymously (local development only).
/// </summary>
public sealed class BotFrameworkAuthenticationOptions
{
    /// <summary>How the app id is registered.</summary>
    public BotAppType MicrosoftAppType { get; set; } = BotAppType.MultiTenant;

    /// <summary>The bot's Microsoft App ID (audience of inbound tokens). Empty = anonymous mode.</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>Client secret of the app registration (not used for UserAssignedMSI).</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>Tenant of a SingleTenant or UserAssignedMSI registration.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>OpenID metadata of Azure Bot Service tokens; tests point it at a local issuer.</summary>
    public string ToBotFromChannelOpenIdMetadataUrl { get; set; } = AuthenticationConstants.BotFrameworkOpenIdMetadataUrl;

    /// <summary>OpenID metadata of Entra tokens (Emulator, bot-to-bot); tests point it at a local issuer.</summary>
    public string ToBotFromEmulatorOpenIdMetadataUrl { get; set; } = AuthenticationConstants.EntraOpenIdMetadataUrl;

    /// <summary>
    /// Full OAuth2 token endpoint for outbound app tokens. Empty = derived from <see cref="MicrosoftAppType"/>
    /// (<c>…/botframework.com/oauth2/v2.0/token</c> or <c>…/{tenant}/oauth2/v2.0/token</c>).
    /// </summary>
    public string? ToChannelFromBotLoginUrl { get; set; }

    /// <summary>Scope requested for outbound app tokens.</summary>
    public string ToChannelFromBotOAuthScope { get; set; } = AuthenticationConstants.ConnectorScope;

    /// <summary>Managed identity token endpoint override (UserAssignedMSI); empty = App Service variables or IMDS.</summary>
    public string? ManagedIdentityEndpoint { get; set; }

    /// <summary>Other bots allowed to call this one (bot-to-bot); the Emulator (own app id) is always allowed.</summary>
    public List<string> AllowedCallerAppIds { get; set; } = [];

    /// <summary>Refuse plain-http metadata URLs. Only tests against a local issuer turn this off.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Automatic metadata/key refresh; the Bot Framework docs require at least daily (capped at 24 h).</summary>
    public TimeSpan MetadataRefreshInterval { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Minimum gap between forced refreshes triggered by an unknown <c>kid</c>.</summary>
    public TimeSpan UnknownKeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Clock skew allowed on <c>nbf</c>/<c>exp</c>.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a serviceUrl stays trusted after the last authenticated activity that carried it.</summary>
    public TimeSpan TrustedServiceUrlLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>True when no app id is configured: inbound without a header is anonymous, outbound carries no token.</summary>
    public bool IsAnonymous => string.IsNullOrWhiteSpace(MicrosoftAppId);
}
