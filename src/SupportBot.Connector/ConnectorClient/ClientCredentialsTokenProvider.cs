using Microsoft.Extensions.Options;
using SupportBot.Connector.Authentication;

namespace SupportBot.Connector.ConnectorClient;

/// <summary>
/// App tokens by OAuth2 client credentials (protocol.md §4): MultiTenant bots ask
/// <c>login.microsoftonline.com/botframework.com</c>, SingleTenant bots their own tenant; mixing them up
/// is the classic AADSTS700016 / connector 401.
/// </summary>
public sealed class ClientCredentialsTokenProvider : CachingAppTokenProvider
{
    /// <summary>Name of the <see cref="IHttpClientFactory"/> client used for token requests.</summary>
    public const string HttpClientName = "SupportBot.AppToken";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly BotFrameworkAuthenticationOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the provider.</summary>
    public ClientCredentialsTokenProvider(IHttpClientFactory httpClientFactory, IOptions<BotFrameworkAuthenticationOptions> options, TimeProvider time)
        : base(time)
    {
        _httpClientFactory = httpClientFactory;
        _options = options.Value;
        _time = time;
        TokenEndpoint = ResolveTokenEndpoint(_options);
    }

    /// <summary>The token endpoint in use.</summary>
    public Uri TokenEndpoint { get; }

    /// <summary>Explicit <c>ToChannelFromBotLoginUrl</c>, else the authority for the app type.</summary>
    public static Uri ResolveTokenEndpoint(BotFrameworkAuthenticationOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ToChannelFromBotLoginUrl))
        {
            return new Uri(options.ToChannelFromBotLoginUrl, UriKind.Absolute);
        }

        var tenant = options.MicrosoftAppType == BotAppType.SingleTenant
            ? (string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId)
                ? throw new InvalidOperationException("MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant.")
                : options.MicrosoftAppTenantId.Trim())
            : AuthenticationConstants.MultiTenantAuthorityTenant;
        return new Uri($"{AuthenticationConstants.LoginAuthorityBase}{Uri.EscapeDataString(tenant)}/oauth2/v2.0/token");
    }

    /// <inheritdoc />
    protected override async Task<(string Token, TimeSpan Lifetime)> FetchTokenAsync(CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = _options.MicrosoftAppId!,
            ["client_secret"] = _options.MicrosoftAppPassword ?? "",
            ["scope"] = _options.ToChannelFromBotOAuthScope,
        });
        using var response = await _httpClientFactory.CreateClient(HttpClientName).PostAsync(TokenEndpoint, form, cancellationToken).ConfigureAwait(false);
        return await TokenResponse.ReadAsync(response, _time, cancellationToken).ConfigureAwait(false);
    }
}
