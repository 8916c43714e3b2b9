using SupportBot.Schema;

namespace SupportBot.AgentLink.Store;

/// <summary>How redeeming a pairing code ended.</summary>
internal enum RedeemOutcome { Paired, Invalid, Expired, Used }

/// <summary>An agent session as the token check needs it.</summary>
internal sealed record SessionRow(string SessionId, string ConversationId, long ExpiresAtMs, long? RevokedAtMs, long? EndedAtMs);

/// <summary>
/// Linked conversations, pairing codes and agent sessions (times as Unix milliseconds). Implementations keep every
/// rule in the database, so several instances on one database agree: a code pairs once, a revocation is seen by all.
/// </summary>
internal interface IAgentLinkStore
{
    /// <summary>Records the conversation (re-opening an ended one) and a new code; false when the hash is taken.</summary>
    bool AddCode(ConversationReference reference, string codeHash, long nowMs, long expiresMs);

    /// <summary>Marks the code used and opens a session atomically, so a code pairs exactly once.</summary>
    (RedeemOutcome Outcome, string? ConversationId) Redeem(string codeHash, long nowMs, string sessionId, long sessionExpiresMs, string agentVersion, string os);

    /// <summary>The session (with its revocation and its conversation's end), or null.</summary>
    SessionRow? FindSession(string sessionId);

    /// <summary>Records that the session's agent polled now (presence).</summary>
    void Touch(string sessionId, long nowMs);

    /// <summary>Ends the conversation's link (sessions revoked, open jobs cancelled); true when it was open.</summary>
    bool End(string conversationId, long nowMs);

    /// <summary>True when a live, unrevoked session of the open conversation was seen since <paramref name="seenSinceMs"/>.</summary>
    bool IsPaired(string conversationId, long nowMs, long seenSinceMs);

    /// <summary>The stored reference of an open conversation, or null when unknown or ended.</summary>
    ConversationReference? OpenReference(string conversationId, bool includeEnded = false);
}
