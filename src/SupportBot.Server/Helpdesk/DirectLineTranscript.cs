using SupportBot.Schema;
using SupportBot.Storage;

namespace SupportBot.Server.Helpdesk;

/// <summary>The conversation so far, from the Direct Line activity log (other channels keep no log here).</summary>
public sealed class DirectLineTranscript(IActivityLog log)
{
    /// <summary>Most activities put into a ticket.</summary>
    public const int MaxActivities = 500;

    /// <summary>The logged messages of the conversation, oldest first (events and typing left out).</summary>
    public async Task<IReadOnlyList<Activity>> ReadAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        if (!string.Equals(channelId, "directline", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }
        var logged = await log.ReadAfterAsync(conversationId, 0, MaxActivities, cancellationToken).ConfigureAwait(false);
        return [.. logged.Select(l => BotJson.DeserializeActivity(l.Json)).OfType<Activity>().Where(a => a.IsType(ActivityTypes.Message))];
    }
}
