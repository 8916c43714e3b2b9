namespace SupportBot.Connector.DirectLine.Conversations;

/// <summary>The outcome of starting, reserving or resuming a conversation.</summary>
/// <param name="ConversationId">The conversation id.</param>
/// <param name="Token">A token scoped to it.</param>
/// <param name="ExpiresIn">Seconds until <paramref name="Token"/> expires.</param>
/// <param name="Created">True when this call started the conversation (HTTP 201), false when it already was (200).</param>
public sealed record DirectLineConversationGrant(string ConversationId, string Token, int ExpiresIn, bool Created);
