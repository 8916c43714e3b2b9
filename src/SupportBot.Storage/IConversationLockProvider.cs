namespace SupportBot.Storage;

/// <summary>
/// Serialises work on one conversation (a turn: read state, run, append replies, write state)
/// across every instance sharing the store, so two messages of one conversation arriving at two
/// instances at once are answered one after the other instead of racing on the state version.
/// </summary>
public interface IConversationLockProvider
{
    /// <summary>
    /// Waits until the caller holds the conversation's lock; dispose the result to release it.
    /// Waiting can be cancelled. Not re-entrant: do not acquire the same conversation twice in one flow.
    /// </summary>
    Task<IAsyncDisposable> AcquireAsync(string conversationId, CancellationToken cancellationToken);
}
