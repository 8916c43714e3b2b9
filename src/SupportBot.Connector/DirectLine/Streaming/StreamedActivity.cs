namespace SupportBot.Connector.DirectLine.Streaming;

/// <summary>One activity (or a hint about stored ones) on its way to a conversation's stream.</summary>
/// <param name="Position">Its position in the activity log (the watermark), or 0 for transient activities (typing) that are never stored.</param>
/// <param name="Json">
/// The serialised activity exactly as clients receive it, or <c>null</c> for a hint: "the log has
/// activities up to <paramref name="Position"/>" (appended by another instance); the stream reads them from the log.
/// </param>
public sealed record StreamedActivity(long Position, string? Json)
{
    /// <summary>Whether the activity lives only on the stream (never in the log).</summary>
    public bool IsTransient => Position == 0;

    /// <summary>A hint that the log holds activities up to <paramref name="position"/>.</summary>
    public static StreamedActivity Hint(long position) => new(position, null);
}
