using SupportBot.AgentLink;
using SupportBot.Builder;
using SupportBot.Schema;
using SupportBot.Server.Agent;

namespace SupportBot.Server.Bot;

/// <summary>
/// The SupportBot: greets when a conversation starts, lets the <see cref="IIncomingMessageFilter"/>s look at
/// each message first (the helpdesk relay), then hands it to the <see cref="IConversationRouter"/>; the agent link's
/// own events (<c>agent.result</c>, <c>agent.paired</c>) continue the dialogs, other events go to the matching
/// <see cref="IBotEventHandler"/>. An <c>endOfConversation</c> ends the PC helper's link.
/// </summary>
public sealed class SupportBotHandler(
    IConversationRouter router,
    IEnumerable<IIncomingMessageFilter> filters,
    IEnumerable<IBotEventHandler> eventHandlers,
    IAgentPairing? pairing = null) : ActivityHandler
{
    private readonly IIncomingMessageFilter[] _filters = [.. filters];
    private readonly IBotEventHandler[] _eventHandlers = [.. eventHandlers];

    /// <summary>The welcome message with the menu as suggested actions.</summary>
    public static Activity Welcome(string? locale) => RootMenu.Message(BotTexts.For(locale).Greeting, locale, SupportBotPlace.Welcome);

    /// <inheritdoc />
    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        // membersAdded holds the bot too: greet once, for the user only.
        var botId = turnContext.Activity.Recipient?.Id;
        if (membersAdded.Any(m => m.Id != botId))
        {
            await turnContext.SendActivityAsync(Welcome(turnContext.Activity.Locale), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        foreach (var filter in _filters)
        {
            if (await filter.TryHandleAsync(turnContext, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }
        // Typing goes out at once (never stored), so Web Chat shows the indicator while the turn runs.
        await turnContext.SendActivityAsync(new Activity(ActivityTypes.Typing), cancellationToken).ConfigureAwait(false);
        await router.RouteAsync(turnContext, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override async Task OnEventActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (AgentEvents.IsFromAgentLink(turnContext.Activity))
        {
            await router.ContinueAsync(turnContext, cancellationToken).ConfigureAwait(false);
            return;
        }
        var handler = _eventHandlers.FirstOrDefault(h => h.CanHandle(turnContext.Activity));
        if (handler is not null)
        {
            await handler.HandleAsync(turnContext, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    protected override async Task OnEndOfConversationActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        // The user closed the chat: the helper on their PC learns it at its next poll and exits.
        if (pairing is not null && turnContext.Activity.Conversation?.Id is { Length: > 0 } conversationId)
        {
            await pairing.EndConversationAsync(conversationId, cancellationToken).ConfigureAwait(false);
        }
    }
}
