namespace SupportBot.Storage;

/// <summary>The per-conversation Direct Line activity log with monotonic watermarks.</summary>
public interface IActivityLog
{
    /// <summary>
    /// The longest client activity id the log keeps (Web Chat's <c>channelData.clientActivityID</c> is far
    /// shorter); callers refuse longer ones before appending.
    /// </summary>
    const int MaxClientActivityIdLength = 128;

    /// <summary>
    /// Appends one activity. The store picks the next position atomically and calls
    /// <paramref name="render"/> with it, so the activity id can embed its position.
    /// </summary>
    Task<LoggedActivity> AppendAsync(string conversationId, Func<long, string> render, CancellationToken cancellationToken);

    /// <summary>
    /// Appends one activity a user sent, remembering <paramref name="clientActivityId"/> (the id the client
    /// stamped on it; null when it has none) so that a resend can be found with
    /// <see cref="FindByClientActivityIdAsync"/>. A client id is unique per conversation: appending one the
    /// conversation already logged throws (callers look it up first, under the conversation's lock).
    /// </summary>
    Task<LoggedActivity> AppendAsync(string conversationId, string? clientActivityId, Func<long, string> render, CancellationToken cancellationToken);

    /// <summary>
    /// Appends several activities in one write, at consecutive positions in list order: <c>renders[i]</c> is
    /// called with its position. Either all are stored or none. An empty list writes nothing.
    /// </summary>
    Task<IReadOnlyList<LoggedActivity>> AppendManyAsync(string conversationId, IReadOnlyList<Func<long, string>> renders, CancellationToken cancellationToken);

    /// <summary>The activity this conversation logged with <paramref name="clientActivityId"/>; null when none.</summary>
    Task<LoggedActivity?> FindByClientActivityIdAsync(string conversationId, string clientActivityId, CancellationToken cancellationToken);

    /// <summary>Activities after <paramref name="watermark"/> (0 = from the start), oldest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<LoggedActivity>> ReadAfterAsync(string conversationId, long watermark, int max, CancellationToken cancellationToken);
}
