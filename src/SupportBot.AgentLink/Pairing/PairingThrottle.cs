using Microsoft.Extensions.Options;
using SupportBot.AgentLink.Store;

namespace SupportBot.AgentLink.Pairing;

/// <summary>
/// Brute-force protection for pairing: counts failed attempts per client address and across the whole code space
/// in a window; past either limit, pairing is refused (429 <c>locked</c>) until the window has passed.
/// </summary>
/// <remarks>
/// The failures live in the database (<see cref="IPairingFailureLog"/>), so with several instances the limits
/// count the attempts made on all of them, and a restart does not reset a lock-out.
/// </remarks>
internal sealed class PairingThrottle(IPairingFailureLog failures, IOptions<AgentLinkOptions> options, TimeProvider time)
{
    /// <summary>True when <paramref name="address"/> (or everyone) is locked out now.</summary>
    public bool IsLocked(string address)
    {
        var settings = options.Value;
        var counts = failures.CountFailures(address, WindowStart(settings));
        return counts.ByAddress >= settings.MaxFailedPairingsPerAddress || counts.Total >= settings.MaxFailedPairingsTotal;
    }

    /// <summary>Counts one failed attempt.</summary>
    public void Failed(string address) =>
        failures.RecordFailure(address, time.GetUtcNow().ToUnixTimeMilliseconds(), WindowStart(options.Value));

    // A failure counts while it is younger than the lock-out window; older ones are forgotten.
    private long WindowStart(AgentLinkOptions settings) => (time.GetUtcNow() - settings.PairingLockout).ToUnixTimeMilliseconds();
}
