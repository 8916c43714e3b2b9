using SupportBot.Builder;
using SupportBot.Builder.State;

namespace SupportBot.Dialogs;

/// <summary>
/// Runs a root dialog for a bot: each turn continues the active dialog or begins the root. The stack lives in
/// the conversation state property <see cref="DialogStateProperty"/> and is saved by the turn runner.
/// </summary>
public class DialogManager
{
    private readonly IStatePropertyAccessor<DialogState> _dialogState;

    /// <summary>Creates a manager for <paramref name="rootDialog"/>.</summary>
    public DialogManager(Dialog rootDialog, ConversationState? conversationState = null, string dialogStateProperty = "DialogState")
    {
        RootDialog = rootDialog ?? throw new ArgumentNullException(nameof(rootDialog));
        DialogStateProperty = dialogStateProperty;
        _dialogState = (conversationState ?? new ConversationState()).CreateProperty<DialogState>(dialogStateProperty);
    }

    /// <summary>The root dialog.</summary>
    public Dialog RootDialog { get; }

    /// <summary>The conversation state property holding the stack.</summary>
    public string DialogStateProperty { get; }

    /// <summary>Runs one turn.</summary>
    public async Task<DialogManagerResult> OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var (result, stackReset) = await DialogExtensions.RunRootAsync(RootDialog, turnContext, _dialogState, cancellationToken).ConfigureAwait(false);
        return new DialogManagerResult { TurnResult = result, StackReset = stackReset };
    }
}
