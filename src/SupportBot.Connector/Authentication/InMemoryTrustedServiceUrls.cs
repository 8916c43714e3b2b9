using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace SupportBot.Connector.Authentication;

/// <summary>
/// Process-local <see cref="ITrustedServiceUrls"/>: each authenticated activity renews its URL for
/// <see cref="BotFrameworkAuthenticationOptions.TrustedServiceUrlLifetime"/>.
/// </summary>
public sealed class InMemoryTrustedServiceUrls : ITrustedServiceUrls
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _expiries = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;

    /// <summary>Creates the registry.</summary>
    public InMemoryTrustedServiceUrls(IOptions<BotFrameworkAuthenticationOptions> options, TimeProvider time)
    {
        _time = time;
        _lifetime = options.Value.TrustedServiceUrlLifetime;
    }

    /// <inheritdoc />
    public void Trust(string serviceUrl)
    {
        if (Normalize(serviceUrl) is { } key)
        {
            _expiries[key] = _time.GetUtcNow() + _lifetime;
        }
    }

    /// <inheritdoc />
    public bool IsTrusted(string serviceUrl)
    {
        if (Normalize(serviceUrl) is not { } key || !_expiries.TryGetValue(key, out var expiry))
        {
            return false;
        }

        if (expiry > _time.GetUtcNow())
        {
            return true;
        }

        _expiries.TryRemove(KeyValuePair.Create(key, expiry));
        return false;
    }

    // Same comparison as the serviceurl claim check: ordinal, case-insensitive; a trailing slash is not significant.
    private static string? Normalize(string? serviceUrl) =>
        string.IsNullOrWhiteSpace(serviceUrl) ? null : serviceUrl.Trim().TrimEnd('/');
}
