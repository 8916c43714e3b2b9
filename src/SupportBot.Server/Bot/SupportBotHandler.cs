using SupportBot.Builder;
using SupportBot.Schema;

namespace SupportBot.Server.Bot;

/// <summary>
/// The SupportBot: greets when a conversation starts, lets the <see cref="IIncomingMessageFilter"/>s look at
/// each message first (the helpdesk relay), then hands it to the <see cref="IConversationRouter"/>; events go
/// to the matching <see cref="IBotEventHandler"/>.
/// </summary>
public sealed class SupportBotHandler(
    IConversationRouter router,
    IEnumerable<IIncomingMessageFilter> filters,
    IEnumerable<IBotEventHandler> eventHandlers) : ActivityHandler
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
        var handler = _eventHandlers.FirstOrDefault(h => h.CanHandle(turnContext.Activity));
        if (handler is not null)
        {
            await handler.HandleAsync(turnContext, cancellationToken).ConfigureAwait(false);
        }
    }
}
