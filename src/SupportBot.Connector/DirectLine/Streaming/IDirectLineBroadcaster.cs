namespace SupportBot.Connector.DirectLine.Streaming;

/// <summary>
/// Fans activities out to the open stream of their conversation. In-process today; a PostgreSQL
/// LISTEN/NOTIFY implementation can fan out across instances behind the same interface (stored
/// activities only need their position: a subscriber can re-read them from the log).
/// </summary>
public interface IDirectLineBroadcaster
{
    /// <summary>
    /// Opens the stream subscription of a conversation. Only one per conversation: an older
    /// subscription is closed as superseded (<c>collision</c>).
    /// </summary>
    DirectLineSubscription Subscribe(string conversationId);

    /// <summary>Delivers an activity to the conversation's subscriber, if any. Never blocks on a slow reader.</summary>
    void Publish(string conversationId, StreamedActivity activity);
}
