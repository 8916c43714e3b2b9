using Microsoft.Extensions.Logging;
using SupportBot.Connector.DirectLine.Streaming;
using SupportBot.Connector.DirectLine.Tokens;
using SupportBot.Schema;
using SupportBot.Storage;

namespace SupportBot.Connector.DirectLine.Conversations;

/// <summary>Accepting the user's activities and delivering the bot's.</summary>
public sealed partial class DirectLineConversations
{
    /// <summary>
    /// <c>POST /conversations/{id}/activities</c>: stamps the activity (id, timestamp, channel,
    /// conversation, recipient = bot, from = the token's user), logs it, echoes it to the stream and
    /// runs the bot's turn. Returns the id Web Chat waits for. Typing is echoed on the stream only;
    /// client-sent conversationUpdate is accepted and dropped. A resend (a message or event whose
    /// <c>channelData.clientActivityID</c> this conversation already logged, e.g. after the first POST's
    /// response was lost) is neither logged nor echoed again: the turn runs for the logged activity,
    /// which the turn runner acknowledges without running when it already ran, and its id is returned.
    /// </summary>
    public async Task<string> PostAsync(DirectLineCaller caller, string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        caller.EnsureMayAccess(conversationId);
        Validate(activity);
        var clientActivityId = DirectLineClientActivityIds.Of(activity);
        var conversation = await FindOpenAsync(conversationId, cancellationToken).ConfigureAwait(false);
        var from = new ChannelAccount(caller.UserId ?? activity.From?.Id ?? conversation.UserId, activity.From?.Name, RoleTypes.User);
        StampIncoming(activity, conversationId, from);

        if (activity.Type == ActivityTypes.ConversationUpdate)
        {
            return DirectLineIds.TransientActivityId(conversationId);
        }
        if (activity.Type == ActivityTypes.Typing)
        {
            activity.Id = DirectLineIds.TransientActivityId(conversationId);
            broadcaster.Publish(conversationId, new StreamedActivity(0, BotJson.Serialize(activity)));
            return activity.Id;
        }

        // Held from append to end of turn: replies follow their message, messages are answered in log order.
        await using (await locks.AcquireAsync(conversationId, cancellationToken).ConfigureAwait(false))
        {
            // Under the lock, so a resend racing its original (on any instance) sees it logged.
            if (clientActivityId is not null
                && await log.FindByClientActivityIdAsync(conversationId, clientActivityId, cancellationToken).ConfigureAwait(false) is { } earlier)
            {
                return await AnswerResendAsync(conversationId, earlier).ConfigureAwait(false);
            }
            var logged = await log.AppendAsync(conversationId, clientActivityId, position =>
            {
                activity.Id = DirectLineIds.ActivityId(conversationId, position);
                return BotJson.Serialize(activity);
            }, CancellationToken.None).ConfigureAwait(false);
            broadcaster.Publish(conversationId, new StreamedActivity(logged.Position, logged.Json));
            // Once logged, the turn runs to the end even if the client hangs up.
            await RunTurnAsync(activity, CancellationToken.None).ConfigureAwait(false);
        }
        return activity.Id!;
    }

    /// <summary>
    /// Runs the turn for the activity logged first (not the resent copy): the runner skips it when its turn
    /// already ran, and runs it once when the process stopped between the append and the turn.
    /// </summary>
    private async Task<string> AnswerResendAsync(string conversationId, LoggedActivity earlier)
    {
        var original = BotJson.DeserializeActivity(earlier.Json)
            ?? throw new InvalidOperationException($"The logged activity at {earlier.Position} of {conversationId} is not an activity.");
        LogResend(logger, conversationId, original.Id);
        await RunTurnAsync(original, CancellationToken.None).ConfigureAwait(false);
        return original.Id ?? DirectLineIds.ActivityId(conversationId, earlier.Position);
    }

    private void Validate(Activity activity)
    {
        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            throw DirectLineException.BadArgument("The activity must have a 'type'.");
        }
        if (activity.Text is { Length: var length } && length > options.Value.MaxTextLength)
        {
            throw DirectLineException.BadArgument($"The activity text is longer than {options.Value.MaxTextLength} characters.");
        }
    }

    private void StampIncoming(Activity activity, string conversationId, ChannelAccount from)
    {
        activity.Timestamp = time.GetUtcNow();
        activity.ChannelId = ChannelId;
        activity.Conversation = new ConversationAccount(conversationId);
        activity.Recipient = Bot;
        activity.From = from;
        activity.CallerId = null; // never trusted from the wire
    }

    private async Task RunTurnAsync(Activity activity, CancellationToken cancellationToken)
    {
        try
        {
            await turns.ProcessAsync(activity, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not DirectLineException)
        {
            LogTurnFailed(logger, ex, activity.Conversation?.Id, activity.Id);
            throw new DirectLineException(502, DirectLineErrorCodes.BotRejectedActivity, "The bot failed to handle the activity.");
        }
    }

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Direct Line resend in {ConversationId} of activity {ActivityId}; not logged again")]
    private static partial void LogResend(ILogger logger, string conversationId, string? activityId);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Bot turn failed in {ConversationId} for activity {ActivityId}")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, string? conversationId, string? activityId);
}
