namespace SupportBot.Storage;

/// <summary>
/// "Conversation X now has activities up to position N", raised for appends made by <em>any</em>
/// instance sharing the store. The host's Direct Line broadcaster reacts by reading the new
/// activities from <see cref="IActivityLog"/> (after its own watermark) and pushing them to the
/// sockets it holds, so a reply produced on one instance reaches a stream open on another.
/// </summary>
/// <remarks>
/// Delivery is at-least-once and only a hint: a position may be raised twice or out of order, so
/// handlers must read from their own watermark and ignore positions they already sent. While the
/// engine's listener is disconnected nothing is raised; after it reconnects it raises the current
/// last position of every <see cref="Watch">watched</see> conversation (catch-up).
/// </remarks>
public interface IActivityNotifications
{
    /// <summary>
    /// Calls <paramref name="handler"/> (conversation id, last known position) for every append.
    /// Handlers run one at a time, off the append path; an exception in one is swallowed.
    /// Dispose the result to unsubscribe.
    /// </summary>
    IDisposable Subscribe(Func<string, long, Task> handler);

    /// <summary>
    /// Marks a conversation as having a local listener (e.g. an open stream), so it is included in
    /// the catch-up after a reconnect. Reference-counted; dispose the result when the stream closes.
    /// </summary>
    IDisposable Watch(string conversationId);
}
