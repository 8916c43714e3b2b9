using SupportBot.Builder;
using SupportBot.Builder.State;
using SupportBot.Dialogs;

namespace SupportBot.Server.Bot;

/// <summary>Routes each message through the <see cref="RootDialog"/> (stack saved in the conversation state).</summary>
public sealed class FlowConversationRouter(RootDialog root) : IConversationRouter
{
    private const string DialogStateProperty = "DialogState";
    private readonly DialogManager _manager = new(root, dialogStateProperty: DialogStateProperty);
    private readonly IStatePropertyAccessor<DialogState> _stack = new ConversationState().CreateProperty<DialogState>(DialogStateProperty);

    /// <inheritdoc />
    public Task RouteAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        _manager.OnTurnAsync(turnContext, cancellationToken);

    /// <inheritdoc />
    public async Task ContinueAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        // An event only ever continues a dialog in progress; with nothing running it must not start the menu.
        var stack = await _stack.GetAsync(turnContext, () => new DialogState(), cancellationToken).ConfigureAwait(false);
        if (stack?.DialogStack.Count > 0)
        {
            await _manager.OnTurnAsync(turnContext, cancellationToken).ConfigureAwait(false);
        }
    }
}
