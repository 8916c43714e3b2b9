using SupportBot.AgentLink;
using SupportBot.Builder;
using SupportBot.Flows.Dialogs;
using SupportBot.Helpdesk.Escalation;
using SupportBot.Server.Bot;

namespace SupportBot.Server.Helpdesk;

/// <summary>
/// A flow ended escalated: create the ticket with everything the flow gathered and the transcript, tell the user
/// its number, and send the <c>handoff.initiate</c> event (channels that do not know it ignore it).
/// The PC helper's check results go in too when the agent link is registered (the host runs without it as well).
/// </summary>
public sealed class HelpdeskFlowEscalator(EscalationService escalation, DirectLineTranscript transcript, IServiceProvider services) : IFlowEscalator
{
    /// <inheritdoc />
    public async Task EscalateAsync(ITurnContext turnContext, FlowDialogResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var conversationId = activity.Conversation?.Id ?? throw new InvalidOperationException("The turn has no conversation id.");
        var history = await transcript.ReadAsync(activity.ChannelId ?? "", conversationId, cancellationToken).ConfigureAwait(false);
        var checks = services.GetService<IAgentCheckDispatcher>() is { } dispatcher
            ? await dispatcher.ListResultsAsync(conversationId, cancellationToken).ConfigureAwait(false)
            : [];
        var created = await escalation.EscalateAsync(TicketDraftFactory.Create(activity, result, history, checks), cancellationToken).ConfigureAwait(false);

        var message = MessageFactory.Text(created.UserMessage);
        message.Locale = activity.Locale;
        new SupportBotPlace("root", "handoff", 1).ApplyTo(message);
        await turnContext.SendActivitiesAsync([message, created.HandoffInitiate], cancellationToken).ConfigureAwait(false);
    }
}
