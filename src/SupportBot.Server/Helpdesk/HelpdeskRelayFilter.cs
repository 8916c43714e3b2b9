using SupportBot.Builder;
using SupportBot.Helpdesk.Relay;
using SupportBot.Server.Bot;

namespace SupportBot.Server.Helpdesk;

/// <summary>
/// First stop of every user message: while a staff member has the ticket (or the message is the rating after a
/// close) the helpdesk takes it and the bot stays silent.
/// </summary>
public sealed class HelpdeskRelayFilter(IHelpdeskRelay relay) : IIncomingMessageFilter
{
    /// <inheritdoc />
    public async Task<bool> TryHandleAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        if (activity.Conversation?.Id is not { } conversationId || string.IsNullOrWhiteSpace(activity.Text))
        {
            return false;
        }
        // A notice the relay sends during this turn (the thanks for a rating) goes out through this turn.
        using (ChannelHelpdeskMessenger.EnterTurn(turnContext))
        {
            return await relay.TryRelayUserMessageAsync(conversationId, activity.Text, cancellationToken).ConfigureAwait(false);
        }
    }
}
