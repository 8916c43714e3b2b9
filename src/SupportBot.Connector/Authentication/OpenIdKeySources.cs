using Microsoft.Extensions.Options;

namespace SupportBot.Connector.Authentication;

/// <summary>The two issuers' key caches (singletons, so keys are fetched once per process, not per request).</summary>
public sealed class OpenIdKeySources
{
    /// <summary>Name of the <see cref="IHttpClientFactory"/> client used for metadata and key downloads.</summary>
    public const string HttpClientName = "SupportBot.OpenIdMetadata";

    /// <summary>Creates both caches from the configured metadata URLs.</summary>
    public OpenIdKeySources(IOptions<BotFrameworkAuthenticationOptions> options, IHttpClientFactory httpClientFactory, TimeProvider time)
    {
        var value = options.Value;
        BotFramework = new OpenIdKeySource(value.ToBotFromChannelOpenIdMetadataUrl, httpClientFactory.CreateClient(HttpClientName), value, time);
        Entra = new OpenIdKeySource(value.ToBotFromEmulatorOpenIdMetadataUrl, httpClientFactory.CreateClient(HttpClientName), value, time);
    }

    /// <summary>Azure Bot Service tokens (issuer <c>https://api.botframework.com</c>).</summary>
    internal OpenIdKeySource BotFramework { get; }

    /// <summary>Entra tokens (Emulator, bot-to-bot).</summary>
    internal OpenIdKeySource Entra { get; }
}
