using Microsoft.Extensions.Options;
using SupportBot.Connector.DirectLine.Streaming;
using SupportBot.Schema;
using SupportBot.Storage;

namespace SupportBot.Connector.DirectLine.Conversations;

/// <summary>
/// Delivers the bot's activities: stamped as sent by the bot, appended to the conversation's log
/// (typing excepted: stream only) and pushed to its stream.
/// </summary>
public sealed class DirectLineOutbox(
    IActivityLog log,
    IDirectLineBroadcaster broadcaster,
    IOptions<DirectLineOptions> options,
    TimeProvider time) : IDirectLineOutbox
{
    /// <inheritdoc />
    public async Task<string> SendAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(activity);
        activity.Type ??= ActivityTypes.Message;
        activity.Timestamp = time.GetUtcNow();
        activity.ChannelId = DirectLineConversations.ChannelId;
        activity.Conversation = new ConversationAccount(conversationId);
        activity.From = new ChannelAccount(options.Value.BotId, activity.From?.Name ?? options.Value.BotName, RoleTypes.Bot);

        if (activity.Type == ActivityTypes.Typing)
        {
            activity.Id = DirectLineIds.TransientActivityId(conversationId);
            broadcaster.Publish(conversationId, new StreamedActivity(0, BotJson.Serialize(activity)));
            return activity.Id;
        }
        var logged = await log.AppendAsync(conversationId, position =>
        {
            activity.Id = DirectLineIds.ActivityId(conversationId, position);
            return BotJson.Serialize(activity);
        }, cancellationToken).ConfigureAwait(false);
        broadcaster.Publish(conversationId, new StreamedActivity(logged.Position, logged.Json));
        return activity.Id!;
    }
}
