using SupportBot.Schema;

namespace SupportBot.AgentLink;

/// <summary>A one-time pairing code shown to the user.</summary>
/// <param name="Code">The code to type (8 characters, no look-alike letters).</param>
/// <param name="ExpiresAt">When it stops working.</param>
public sealed record PairingCode(string Code, DateTimeOffset ExpiresAt);

/// <summary>What the bot calls when the user consents to the helper, and when the conversation ends.</summary>
public interface IAgentPairing
{
    /// <summary>
    /// Creates a fresh one-time code bound to <paramref name="conversation"/> (its id and channel id; the reference is kept
    /// so results can be posted back as a turn). Earlier unused codes of the conversation stop working.
    /// </summary>
    Task<PairingCode> CreateCodeAsync(ConversationReference conversation, CancellationToken cancellationToken = default);

    /// <summary>Ends the link: revokes the agent's token (its next poll gets 410), drops queued jobs and unused codes.</summary>
    Task EndConversationAsync(string conversationId, CancellationToken cancellationToken = default);
}

/// <summary>Whether a conversation has a live agent (paired, token valid, polled recently).</summary>
public interface IAgentPresence
{
    /// <summary>True when an agent paired with <paramref name="conversationId"/> is polling now.</summary>
    Task<bool> IsPairedAsync(string conversationId, CancellationToken cancellationToken = default);
}
