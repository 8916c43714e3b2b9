using Microsoft.Extensions.Options;
using SupportBot.Connector.DirectLine.Streaming;
using SupportBot.Schema;
using SupportBot.Storage;

namespace SupportBot.Connector.DirectLine.Conversations;

/// <summary>
/// Delivers the bot's activities: stamped as sent by the bot, appended to the conversation's log
/// (typing excepted: stream only) and pushed to its stream. A turn's replies are appended in one write.
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
        ArgumentNullException.ThrowIfNull(activity);
        return (await SendManyAsync(conversationId, [activity], cancellationToken).ConfigureAwait(false))[0];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> SendManyAsync(string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(activities);
        var renders = new List<Func<long, string>>(activities.Count);
        foreach (var activity in activities)
        {
            ArgumentNullException.ThrowIfNull(activity);
            Stamp(conversationId, activity);
            if (activity.Type == ActivityTypes.Typing)
            {
                activity.Id = DirectLineIds.TransientActivityId(conversationId);
                continue;
            }
            renders.Add(position =>
            {
                activity.Id = DirectLineIds.ActivityId(conversationId, position);
                return BotJson.Serialize(activity);
            });
        }

        var logged = await log.AppendManyAsync(conversationId, renders, cancellationToken).ConfigureAwait(false);
        // Published only after the write (a client must never see what could still roll back), in the turn's order.
        var next = 0;
        foreach (var activity in activities)
        {
            broadcaster.Publish(conversationId, activity.Type == ActivityTypes.Typing
                ? new StreamedActivity(0, BotJson.Serialize(activity))
                : new StreamedActivity(logged[next].Position, logged[next++].Json));
        }
        return activities.Select(a => a.Id!).ToList();
    }

    private void Stamp(string conversationId, Activity activity)
    {
        activity.Type ??= ActivityTypes.Message;
        activity.Timestamp = time.GetUtcNow();
        activity.ChannelId = DirectLineConversations.ChannelId;
        activity.Conversation = new ConversationAccount(conversationId);
        activity.From = new ChannelAccount(options.Value.BotId, activity.From?.Name ?? options.Value.BotName, RoleTypes.Bot);
    }
}
