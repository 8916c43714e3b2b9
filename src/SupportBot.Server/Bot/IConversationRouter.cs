using SupportBot.Builder;

namespace SupportBot.Server.Bot;

/// <summary>
/// Decides what the bot does with a user's message: <see cref="FlowConversationRouter"/> runs the
/// <see cref="RootDialog"/> (greeting choices and free text → troubleshooting flows).
/// </summary>
public interface IConversationRouter
{
    /// <summary>Handles one message turn (the welcome is sent by <see cref="SupportBotHandler"/>).</summary>
    Task RouteAsync(ITurnContext turnContext, CancellationToken cancellationToken);

    /// <summary>Runs an event turn (e.g. <c>agent.result</c>) through the dialogs in progress; does nothing when none is.</summary>
    Task ContinueAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;
}
