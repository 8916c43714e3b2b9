using SupportBot.Builder;
using SupportBot.Builder.State;

namespace SupportBot.Dialogs;

/// <summary>Runs a dialog as the root of a bot.</summary>
public static class DialogExtensions
{
    /// <summary>
    /// One turn: continue the active dialog, or begin <paramref name="dialog"/> when the stack is empty.
    /// The stack is read through <paramref name="accessor"/> and saved when the turn ends (by the turn runner).
    /// </summary>
    public static async Task<DialogTurnResult> RunAsync(this Dialog dialog, ITurnContext turnContext, IStatePropertyAccessor<DialogState> accessor, CancellationToken cancellationToken = default)
    {
        var (result, _) = await RunRootAsync(dialog, turnContext, accessor, cancellationToken).ConfigureAwait(false);
        return result;
    }

    internal static async Task<(DialogTurnResult Result, bool StackReset)> RunRootAsync(Dialog dialog, ITurnContext turnContext, IStatePropertyAccessor<DialogState> accessor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(accessor);
        var dialogSet = new DialogSet(accessor).Add(dialog);
        var dc = await dialogSet.CreateContextAsync(turnContext, cancellationToken).ConfigureAwait(false);

        // A deploy may have removed or changed the dialog a conversation was in: start over instead of failing every turn.
        var stackReset = dc.Stack.Count > 0 && !IsCurrent(dc);
        if (stackReset)
        {
            dc.Stack.Clear();
        }

        var result = await dc.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
        if (result.Status == DialogTurnStatus.Empty)
        {
            result = await dc.BeginDialogAsync(dialog.Id, null, cancellationToken).ConfigureAwait(false);
        }

        return (result, stackReset);
    }

    private static bool IsCurrent(DialogContext dc)
        => dc.Stack.TrueForAll(instance => dc.FindDialog(instance.Id) is { } found
            && (instance.Version is null || instance.Version == found.GetVersion()));
}
