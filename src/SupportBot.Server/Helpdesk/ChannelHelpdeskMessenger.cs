using SupportBot.Builder;
using SupportBot.Connector.BotFramework;
using SupportBot.Connector.DirectLine.Conversations;
using SupportBot.Helpdesk.Relay;
using SupportBot.Schema;
using SupportBot.Server.Bot;

namespace SupportBot.Server.Helpdesk;

/// <summary>
/// Posts helpdesk notices and staff messages into the user's conversation the way bot replies go: a proactive
/// turn through the conversation's channel adapter (Direct Line: logged and streamed; Bot Framework channels:
/// through the connector). Staff messages carry the staff member's display name as <c>from.name</c>.
/// A notice for the conversation whose turn is running right now goes out through that turn instead.
/// </summary>
public sealed partial class ChannelHelpdeskMessenger(IServiceProvider services, ILogger<ChannelHelpdeskMessenger> logger) : IHelpdeskUserMessenger
{
    private static readonly AsyncLocal<ITurnContext?> CurrentTurn = new();

    /// <summary>Marks <paramref name="turnContext"/> as the running turn (notices for its conversation are sent through it).</summary>
    public static IDisposable EnterTurn(ITurnContext turnContext)
    {
        var previous = CurrentTurn.Value;
        CurrentTurn.Value = turnContext;
        return new Scope(previous);
    }

    /// <inheritdoc />
    public async Task SendAsync(HelpdeskUserNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var activity = ToActivity(notice);
        if (CurrentTurn.Value is { } turn && turn.Activity.Conversation?.Id == notice.ConversationId)
        {
            await turn.SendActivityAsync(activity, cancellationToken).ConfigureAwait(false);
            return;
        }
        // Adapters are looked up late: the bot they run depends (through the relay) on this messenger.
        BotAdapter? adapter = string.Equals(notice.ChannelId, "directline", StringComparison.OrdinalIgnoreCase)
            ? services.GetService<IDirectLineTurnProcessor>() as BotAdapter
            : services.GetService<BotFrameworkChannelAdapter>();
        if (adapter is null)
        {
            LogNoChannel(logger, notice.ChannelId, notice.TicketNumber);
            return;
        }
        await adapter.ContinueConversationAsync(notice.Conversation, (context, ct) => context.SendActivityAsync(activity, ct), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The bot message for a notice: text, sender name, suggested replies and <c>channelData.supportBot</c>.</summary>
    public static Activity ToActivity(HelpdeskUserNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var activity = notice.SuggestedReplies.Count > 0
            ? MessageFactory.SuggestedActions(notice.SuggestedReplies.Select(r => CardAction.ImBack(r)), notice.Text, inputHint: InputHints.ExpectingInput)
            : MessageFactory.Text(notice.Text);
        if (!string.IsNullOrEmpty(notice.SenderName))
        {
            activity.From = new ChannelAccount(notice.Conversation.Bot?.Id, notice.SenderName, RoleTypes.Bot);
        }
        return new SupportBotPlace("root", "helpdesk-" + Kebab(notice.Kind), 1).ApplyTo(activity);
    }

    private static string Kebab(HelpdeskNoticeKind kind) => kind switch
    {
        HelpdeskNoticeKind.StaffJoined => "staff-joined",
        HelpdeskNoticeKind.StaffMessage => "staff-message",
        HelpdeskNoticeKind.ClosedAskRating => "closed",
        HelpdeskNoticeKind.RatingThanks => "rated",
        _ => "waiting",
    };

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "No adapter for channel {ChannelId}: helpdesk notice for {TicketNumber} not delivered")]
    private static partial void LogNoChannel(ILogger logger, string channelId, string ticketNumber);

    private sealed class Scope(ITurnContext? previous) : IDisposable
    {
        public void Dispose() => CurrentTurn.Value = previous;
    }
}
