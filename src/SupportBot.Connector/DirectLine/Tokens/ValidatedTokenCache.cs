using System.Collections.Concurrent;

namespace SupportBot.Connector.DirectLine.Tokens;

/// <summary>
/// Tokens that passed the full JWT validation (signature, issuer, audience, algorithm, claims), by their
/// exact text, so a client polling every few milliseconds does not pay an HMAC per request. Only
/// the time-dependent check is not cached: the caller re-checks expiry against its clock on every hit,
/// and an expired entry is dropped. Bounded: when full it is emptied (the next requests re-validate).
/// </summary>
internal sealed class ValidatedTokenCache(int capacity = ValidatedTokenCache.DefaultCapacity)
{
    /// <summary>Default number of tokens held (a few hundred bytes each).</summary>
    public const int DefaultCapacity = 4096;

    private readonly ConcurrentDictionary<string, DirectLineCaller> _callers = new(StringComparer.Ordinal);

    public bool TryGet(string token, out DirectLineCaller caller) => _callers.TryGetValue(token, out caller!);

    public void Remember(string token, DirectLineCaller caller)
    {
        if (_callers.Count >= capacity)
        {
            _callers.Clear();
        }
        _callers[token] = caller;
    }

    public void Forget(string token) => _callers.TryRemove(token, out _);
}
