namespace SupportBot.Connector.DirectLine.Conversations;

/// <summary>Activities after a watermark, already serialised, and the watermark to send next time.</summary>
/// <param name="ActivitiesJson">The activities in log order.</param>
/// <param name="Watermark">The last returned position (or the requested watermark when nothing is new).</param>
public sealed record ActivitySetPage(IReadOnlyList<string> ActivitiesJson, long Watermark);
