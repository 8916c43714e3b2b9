using SupportBot.Builder;
using SupportBot.Dialogs;

namespace SupportBot.Server.Bot;

/// <summary>Routes each message through the <see cref="RootDialog"/> (stack saved in the conversation state).</summary>
public sealed class FlowConversationRouter(RootDialog root) : IConversationRouter
{
    private readonly DialogManager _manager = new(root);

    /// <inheritdoc />
    public Task RouteAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        _manager.OnTurnAsync(turnContext, cancellationToken);
}
