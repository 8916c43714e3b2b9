using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace SupportBot.AgentLink.Pairing;

/// <summary>
/// Brute-force protection for pairing: counts failed attempts per client address and across the whole code space
/// in a window; past either limit, pairing is refused (429 <c>locked</c>) until the window has passed.
/// </summary>
/// <remarks>In memory, per instance: with several instances the limits apply per instance (documented).</remarks>
internal sealed class PairingThrottle(IOptions<AgentLinkOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Window> _byAddress = new(StringComparer.Ordinal);
    private readonly Window _total = new();

    /// <summary>True when <paramref name="address"/> (or everyone) is locked out now.</summary>
    public bool IsLocked(string address)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        return (_byAddress.TryGetValue(address, out var window) && window.Count(now, settings.PairingLockout) >= settings.MaxFailedPairingsPerAddress)
            || _total.Count(now, settings.PairingLockout) >= settings.MaxFailedPairingsTotal;
    }

    /// <summary>Counts one failed attempt.</summary>
    public void Failed(string address)
    {
        var now = time.GetUtcNow();
        _byAddress.GetOrAdd(address, _ => new Window()).Add(now, options.Value.PairingLockout);
        _total.Add(now, options.Value.PairingLockout);
        if (_byAddress.Count > 10_000) Prune(now);
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (address, window) in _byAddress)
        {
            if (window.Count(now, options.Value.PairingLockout) == 0) _byAddress.TryRemove(address, out _);
        }
    }

    /// <summary>Failure times within the window (the lock-out lasts until the oldest counted failure ages out).</summary>
    private sealed class Window
    {
        private readonly Queue<DateTimeOffset> _failures = new();

        public void Add(DateTimeOffset now, TimeSpan length)
        {
            lock (_failures)
            {
                Trim(now, length);
                _failures.Enqueue(now);
            }
        }

        public int Count(DateTimeOffset now, TimeSpan length)
        {
            lock (_failures)
            {
                Trim(now, length);
                return _failures.Count;
            }
        }

        private void Trim(DateTimeOffset now, TimeSpan length)
        {
            while (_failures.Count > 0 && _failures.Peek() <= now - length) _failures.Dequeue();
        }
    }
}
