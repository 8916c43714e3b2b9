namespace SupportBot.Storage;

/// <summary>
/// Conversation state with optimistic concurrency. Engine-neutral: SQLite today, PostgreSQL later,
/// both pass the same contract tests.
/// </summary>
public interface IConversationStateStore
{
    /// <summary>Reads the state of a conversation, or <c>null</c> when nothing was saved yet.</summary>
    Task<StoredState?> ReadAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the state if the stored version still equals <paramref name="expectedVersion"/>
    /// (0 = "nothing stored yet"). Returns the new version, or <c>null</c> on a conflict
    /// (another turn saved first; the caller re-runs its turn on fresh state).
    /// </summary>
    Task<long?> TryWriteAsync(string conversationId, string json, long expectedVersion, CancellationToken cancellationToken);
}
