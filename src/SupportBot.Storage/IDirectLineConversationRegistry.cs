namespace SupportBot.Storage;

/// <summary>
/// The Direct Line conversations this server has issued. Engine-neutral: every engine passes the
/// same contract tests.
/// </summary>
public interface IDirectLineConversationRegistry
{
    /// <summary>Registers a new conversation. Returns <c>false</c> when the id is already taken.</summary>
    Task<bool> TryCreateAsync(DirectLineConversation conversation, CancellationToken cancellationToken);

    /// <summary>The conversation with this id, or <c>null</c> when unknown.</summary>
    Task<DirectLineConversation?> FindAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the conversation started. Returns <c>true</c> only for the one caller that made the
    /// change, so exactly one caller sends the bot its <c>conversationUpdate</c>.
    /// </summary>
    Task<bool> TryMarkStartedAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Marks the conversation ended. Returns <c>false</c> when it is unknown.</summary>
    Task<bool> EndAsync(string conversationId, CancellationToken cancellationToken);
}
