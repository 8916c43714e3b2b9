namespace SupportBot.Storage;

/// <summary>The per-conversation Direct Line activity log with monotonic watermarks.</summary>
public interface IActivityLog
{
    /// <summary>
    /// Appends one activity. The store picks the next position atomically and calls
    /// <paramref name="render"/> with it, so the activity id can embed its position.
    /// </summary>
    Task<LoggedActivity> AppendAsync(string conversationId, Func<long, string> render, CancellationToken cancellationToken);

    /// <summary>Activities after <paramref name="watermark"/> (0 = from the start), oldest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<LoggedActivity>> ReadAfterAsync(string conversationId, long watermark, int max, CancellationToken cancellationToken);
}
