using SupportBot.Builder;
using SupportBot.Helpdesk.Handoff;
using SupportBot.Schema;
using SupportBot.Server.Bot;

namespace SupportBot.Server.Helpdesk;

/// <summary>
/// Applies <c>handoff.status</c> events from a hand-off hub to the ticket; never rejects one. Only authenticated
/// Bot Framework channels carry hub events: on Direct Line the sender is the chat user, who must not be able to
/// claim or close their own ticket, so such events are ignored there.
/// </summary>
public sealed partial class HandoffStatusEventHandler(HandoffStatusHandler handler, ILogger<HandoffStatusEventHandler> logger) : IBotEventHandler
{
    /// <inheritdoc />
    public bool CanHandle(Activity activity) =>
        HandoffStatusHandler.IsHandoffStatus(activity) && !string.Equals(activity.ChannelId, "directline", StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public async Task HandleAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        try
        {
            await handler.HandleAsync(turnContext.Activity, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex, turnContext.Activity.Conversation?.Id);
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "handoff.status in {ConversationId} could not be applied")]
    private static partial void LogFailed(ILogger logger, Exception exception, string? conversationId);
}
