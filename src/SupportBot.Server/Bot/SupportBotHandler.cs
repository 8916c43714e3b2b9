using SupportBot.Builder;
using SupportBot.Schema;

namespace SupportBot.Server.Bot;

/// <summary>
/// The SupportBot: greets when a conversation starts and hands every message to the
/// <see cref="IConversationRouter"/>.
/// </summary>
public sealed class SupportBotHandler(IConversationRouter router) : ActivityHandler
{
    /// <summary>The welcome message with the menu as suggested actions.</summary>
    public static Activity Welcome(string? locale)
    {
        var texts = BotTexts.For(locale);
        var welcome = MessageFactory.SuggestedActions(texts.Choices.Select(c => CardAction.ImBack(c)), texts.Greeting, inputHint: InputHints.ExpectingInput);
        return SupportBotPlace.Welcome.ApplyTo(welcome);
    }

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
        // Typing goes out at once (never stored), so Web Chat shows the indicator while the turn runs.
        await turnContext.SendActivityAsync(new Activity(ActivityTypes.Typing), cancellationToken).ConfigureAwait(false);
        await router.RouteAsync(turnContext, cancellationToken).ConfigureAwait(false);
    }
}
