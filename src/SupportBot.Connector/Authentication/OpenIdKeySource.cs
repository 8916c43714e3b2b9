using Microsoft.IdentityModel.Protocols;

namespace SupportBot.Connector.Authentication;

/// <summary>
/// Metadata and signing keys of one issuer. A <see cref="ConfigurationManager{T}"/> caches them and refreshes
/// automatically (≤ 24 h). When a token names a <c>kid</c> we don't know, one forced fetch is allowed per
/// <see cref="BotFrameworkAuthenticationOptions.UnknownKeyRefreshInterval"/> (rotation), then validation fails.
/// The forced fetch is awaited here rather than through <c>RequestRefresh</c>, whose refresh runs in the
/// background and would let the request that noticed the rotation fail anyway.
/// </summary>
internal sealed class OpenIdKeySource
{
    private readonly ConfigurationManager<EndorsedOpenIdConfiguration> _manager;
    private readonly EndorsedOpenIdConfigurationRetriever _retriever;
    private readonly HttpDocumentRetriever _documents;
    private readonly TimeProvider _time;
    private readonly TimeSpan _forcedRefreshInterval;
    private readonly SemaphoreSlim _forcedRefreshLock = new(1, 1);
    private DateTimeOffset? _lastForcedRefresh;
    private EndorsedOpenIdConfiguration? _forced;

    public OpenIdKeySource(string metadataUrl, HttpClient httpClient, BotFrameworkAuthenticationOptions options, TimeProvider time)
    {
        MetadataUrl = metadataUrl;
        _time = time;
        _forcedRefreshInterval = options.UnknownKeyRefreshInterval;
        _retriever = new EndorsedOpenIdConfigurationRetriever(time);
        _documents = new HttpDocumentRetriever(httpClient) { RequireHttps = options.RequireHttpsMetadata };
        var refresh = options.MetadataRefreshInterval;
        _manager = new ConfigurationManager<EndorsedOpenIdConfiguration>(metadataUrl, _retriever, _documents)
        {
            AutomaticRefreshInterval = refresh > TimeSpan.FromHours(24) ? TimeSpan.FromHours(24) : refresh,
        };
    }

    public string MetadataUrl { get; }

    /// <summary>The newest configuration known (cached, automatically refreshed).</summary>
    public async Task<EndorsedOpenIdConfiguration> GetAsync(CancellationToken cancellationToken)
    {
        var cached = await _manager.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        var forced = Volatile.Read(ref _forced);
        return forced is not null && forced.RetrievedAt >= cached.RetrievedAt ? forced : cached;
    }

    /// <summary>
    /// Returns a configuration containing <paramref name="keyId"/> if one can be had: the current one, or a fresh
    /// fetch when the last forced fetch is older than the rate limit. Null when the key stays unknown.
    /// </summary>
    public async Task<EndorsedOpenIdConfiguration?> FindKeyAsync(string keyId, CancellationToken cancellationToken, Action? onUnknownKey = null)
    {
        var current = await GetAsync(cancellationToken).ConfigureAwait(false);
        if (current.HasSigningKey(keyId))
        {
            return current;
        }

        await _forcedRefreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another request may have refreshed while we waited.
            current = await GetAsync(cancellationToken).ConfigureAwait(false);
            if (current.HasSigningKey(keyId))
            {
                return current;
            }

            var now = _time.GetUtcNow();
            if (_lastForcedRefresh is { } last && now - last < _forcedRefreshInterval)
            {
                return null;
            }

            _lastForcedRefresh = now;
            onUnknownKey?.Invoke();
            var fresh = await _retriever.GetConfigurationAsync(MetadataUrl, _documents, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _forced, fresh);
            return fresh.HasSigningKey(keyId) ? fresh : null;
        }
        finally
        {
            _forcedRefreshLock.Release();
        }
    }
}
