namespace SupportBot.Connector.DirectLine.Streaming;

/// <summary>One activity on its way to a conversation's stream.</summary>
/// <param name="Position">Its position in the activity log (the watermark), or 0 for transient activities (typing) that are never stored.</param>
/// <param name="Json">The serialised activity exactly as clients receive it.</param>
public sealed record StreamedActivity(long Position, string Json)
{
    /// <summary>Whether the activity lives only on the stream (never in the log).</summary>
    public bool IsTransient => Position == 0;
}
