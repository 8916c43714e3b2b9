using Microsoft.Extensions.Options;
using SupportBot.Connector.Authentication;

namespace SupportBot.Connector.ConnectorClient;

/// <summary>
/// App tokens from a user-assigned managed identity (<c>MicrosoftAppType=UserAssignedMSI</c>): the App Service
/// identity endpoint when <c>IDENTITY_ENDPOINT</c>/<c>IDENTITY_HEADER</c> are set, else the VM/container IMDS endpoint.
/// </summary>
public sealed class ManagedIdentityTokenProvider : CachingAppTokenProvider
{
    private const string ImdsEndpoint = "http://169.254.169.254/metadata/identity/oauth2/token";
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly BotFrameworkAuthenticationOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the provider.</summary>
    public ManagedIdentityTokenProvider(IHttpClientFactory httpClientFactory, IOptions<BotFrameworkAuthenticationOptions> options, TimeProvider time)
        : base(time)
    {
        _httpClientFactory = httpClientFactory;
        _options = options.Value;
        _time = time;
    }

    /// <inheritdoc />
    protected override async Task<(string Token, TimeSpan Lifetime)> FetchTokenAsync(CancellationToken cancellationToken)
    {
        var appServiceEndpoint = Environment.GetEnvironmentVariable("IDENTITY_ENDPOINT");
        var appServiceHeader = Environment.GetEnvironmentVariable("IDENTITY_HEADER");
        var useAppService = string.IsNullOrEmpty(_options.ManagedIdentityEndpoint) && !string.IsNullOrEmpty(appServiceEndpoint) && !string.IsNullOrEmpty(appServiceHeader);
        var endpoint = _options.ManagedIdentityEndpoint is { Length: > 0 } configured ? configured : useAppService ? appServiceEndpoint! : ImdsEndpoint;
        var query = $"api-version={(useAppService ? "2019-08-01" : "2018-02-01")}"
            + $"&resource={Uri.EscapeDataString(AuthenticationConstants.ConnectorResource)}"
            + $"&client_id={Uri.EscapeDataString(_options.MicrosoftAppId!)}";

        using var request = new HttpRequestMessage(HttpMethod.Get, endpoint + (endpoint.Contains('?') ? "&" : "?") + query);
        if (useAppService)
        {
            request.Headers.Add("X-IDENTITY-HEADER", appServiceHeader);
        }
        else
        {
            request.Headers.Add("Metadata", "true");
        }

        using var response = await _httpClientFactory.CreateClient(ClientCredentialsTokenProvider.HttpClientName)
            .SendAsync(request, cancellationToken).ConfigureAwait(false);
        return await TokenResponse.ReadAsync(response, _time, cancellationToken).ConfigureAwait(false);
    }
}
