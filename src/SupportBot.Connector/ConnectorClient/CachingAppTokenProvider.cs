namespace SupportBot.Connector.ConnectorClient;

/// <summary>
/// Caches one app token until 5 minutes before it expires; refreshes are serialised so a burst of sends, or of
/// 401s, costs one token request.
/// </summary>
public abstract class CachingAppTokenProvider : IAppTokenProvider
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private readonly TimeProvider _time;
    private (string Token, DateTimeOffset RefreshAfter)? _cached;

    /// <summary>Creates the cache.</summary>
    protected CachingAppTokenProvider(TimeProvider time) => _time = time;

    /// <inheritdoc />
    public async Task<string?> GetTokenAsync(string? rejectedToken, CancellationToken cancellationToken)
    {
        if (Usable(_cached, rejectedToken) is { } fast)
        {
            return fast;
        }

        await _refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Usable(_cached, rejectedToken) is { } refreshedMeanwhile)
            {
                return refreshedMeanwhile;
            }

            var (token, lifetime) = await FetchTokenAsync(cancellationToken).ConfigureAwait(false);
            var refreshAfter = _time.GetUtcNow() + (lifetime > RefreshMargin * 2 ? lifetime - RefreshMargin : lifetime / 2);
            _cached = (token, refreshAfter);
            return token;
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    /// <summary>Requests a new token and its lifetime from the authority.</summary>
    protected abstract Task<(string Token, TimeSpan Lifetime)> FetchTokenAsync(CancellationToken cancellationToken);

    private string? Usable((string Token, DateTimeOffset RefreshAfter)? cached, string? rejectedToken) =>
        cached is { } c && c.RefreshAfter > _time.GetUtcNow() && !string.Equals(c.Token, rejectedToken, StringComparison.Ordinal)
            ? c.Token
            : null;
}
