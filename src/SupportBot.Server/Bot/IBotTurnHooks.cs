using SupportBot.Builder;

namespace SupportBot.Server.Bot;

/// <summary>
/// Looks at a user's message before the dialogs. Returning true means it was taken care of (e.g. a helpdesk
/// member is chatting with the user) and the bot stays silent. Features register theirs (helpdesk relay; the PC
/// agent pairing can add one) without touching <see cref="SupportBotHandler"/>.
/// </summary>
public interface IIncomingMessageFilter
{
    /// <summary>True when the message was handled and the dialogs must not run.</summary>
    Task<bool> TryHandleAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}

/// <summary>Handles inbound <c>event</c> activities by name (e.g. <c>handoff.status</c>).</summary>
public interface IBotEventHandler
{
    /// <summary>Whether this handler takes the event.</summary>
    bool CanHandle(SupportBot.Schema.Activity activity);

    /// <summary>Handles the event; must not throw for bad input (the channel always gets 200).</summary>
    Task HandleAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}
