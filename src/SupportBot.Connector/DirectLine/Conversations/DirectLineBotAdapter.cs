using Microsoft.Extensions.Logging;
using SupportBot.Builder;
using SupportBot.Schema;
using SupportBot.Storage;

namespace SupportBot.Connector.DirectLine.Conversations;

/// <summary>
/// Runs the bot in-process for Direct Line. Each accepted activity becomes a turn of the
/// <see cref="ConversationTurnRunner"/> (state loaded and saved with a version check, replies held
/// until the save succeeds, redeliveries skipped); the replies go to the <see cref="IDirectLineOutbox"/>.
/// Inbound turns run under the conversation lock that <see cref="DirectLineConversations"/> already holds;
/// proactive turns (<see cref="ContinueConversationAsync"/>) take the same lock themselves.
/// </summary>
public sealed partial class DirectLineBotAdapter : BotAdapter, IDirectLineTurnProcessor
{
    private readonly IBot _bot;
    private readonly IDirectLineOutbox _outbox;
    private readonly ConversationTurnRunner _runner;
    private readonly ILogger<DirectLineBotAdapter> _logger;

    public DirectLineBotAdapter(
        IBot bot,
        IDirectLineOutbox outbox,
        IConversationStateStore states,
        IConversationLockProvider locks,
        ILogger<ConversationTurnRunner> runnerLogger,
        ILogger<DirectLineBotAdapter> logger)
    {
        _bot = bot;
        _outbox = outbox;
        _logger = logger;
        _runner = new ConversationTurnRunner(this, states, runnerLogger, locks: locks);
    }

    /// <inheritdoc />
    public async Task ProcessAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        // The caller (DirectLineConversations) holds this conversation's lock from the log append on.
        var result = await _runner.RunTurnHoldingLockAsync(activity, _bot.OnTurnAsync, cancellationToken).ConfigureAwait(false);
        if (result.Status == TurnStatus.Failed)
        {
            // The runner already apologised to the user and kept the state unchanged; the POST still succeeds.
            LogTurnFailed(_logger, activity.Conversation?.Id, activity.Id);
        }
    }

    /// <inheritdoc />
    public override Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken = default) =>
        _runner.ContinueConversationAsync(reference, callback, cancellationToken);

    /// <inheritdoc />
    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(activities);
        var conversationId = turnContext.Activity.Conversation?.Id
            ?? throw new InvalidOperationException("The turn's activity has no conversation id.");
        foreach (var activity in activities)
        {
            if (activity.Recipient is null && turnContext.Activity.From is { } user)
            {
                activity.Recipient = user;
            }
            if (DirectLineIds.IsTransient(activity.ReplyToId))
            {
                // Never in the transcript (e.g. the conversationUpdate): Web Chat would hold the reply 5 s waiting for it.
                activity.ReplyToId = null;
            }
        }
        // The turn's replies in one log write (one commit instead of one per reply), then streamed in order.
        var ids = await _outbox.SendManyAsync(conversationId, activities, cancellationToken).ConfigureAwait(false);
        return ids.Select(id => new ResourceResponse(id)).ToArray();
    }

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Direct Line turn failed in {ConversationId} for {ActivityId}; the user got the apology")]
    private static partial void LogTurnFailed(ILogger logger, string? conversationId, string? activityId);
}
