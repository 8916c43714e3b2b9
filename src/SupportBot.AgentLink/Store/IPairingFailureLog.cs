namespace SupportBot.AgentLink.Store;

/// <summary>Failed pairings counted in a window: from one address, and from everyone.</summary>
/// <param name="ByAddress">Failures from the address asked about.</param>
/// <param name="Total">Failures from all addresses.</param>
internal sealed record PairingFailureCounts(int ByAddress, int Total);

/// <summary>
/// Failed pairing attempts, kept in the database so the brute-force lock-out counts attempts made on every
/// instance (a guesser spreading tries over instances behind a load balancer gains nothing).
/// </summary>
internal interface IPairingFailureLog
{
    /// <summary>Records one failure at <paramref name="nowMs"/> and forgets failures at or before <paramref name="forgetBeforeMs"/>.</summary>
    void RecordFailure(string address, long nowMs, long forgetBeforeMs);

    /// <summary>Failures after <paramref name="sinceMs"/>.</summary>
    PairingFailureCounts CountFailures(string address, long sinceMs);
}
