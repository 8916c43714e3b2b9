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
