using SupportBot.Builder;

namespace SupportBot.Server.Bot;

/// <summary>
/// Decides what the bot does with a user's message. The placeholder below answers that guides are
/// coming; the flows issue replaces it with the flow router (a single registration change).
/// </summary>
public interface IConversationRouter
{
    /// <summary>Handles one message turn (the welcome is sent by <see cref="SupportBotHandler"/>).</summary>
    Task RouteAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}
