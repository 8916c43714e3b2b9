using SupportBot.Builder;

namespace SupportBot.Dialogs;

/// <summary>
/// Base class of all dialogs. A dialog object is shared by every conversation and holds no per-conversation
/// state: everything lives in <see cref="DialogContext.ActiveDialog"/>'s <see cref="DialogInstance.State"/>.
/// </summary>
public abstract class Dialog
{
    /// <summary>The result that means "waiting for the user" (end of this turn).</summary>
    public static readonly DialogTurnResult EndOfTurn = new(DialogTurnStatus.Waiting);

    /// <summary>Creates a dialog with the given id.</summary>
    protected Dialog(string dialogId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dialogId);
        Id = dialogId;
    }

    /// <summary>Unique id within its <see cref="DialogSet"/>.</summary>
    public string Id { get; }

    /// <summary>Called when the dialog is pushed onto the stack.</summary>
    public abstract Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default);

    /// <summary>Called with the next user activity while this dialog is active. Default: end.</summary>
    public virtual Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
        => dc.EndDialogAsync(null, cancellationToken);

    /// <summary>Called when a child dialog ended and this dialog is active again. Default: end with the child's result.</summary>
    public virtual Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
        => dc.EndDialogAsync(result, cancellationToken);

    /// <summary>Asks the user again (e.g. after an interruption). Default: nothing.</summary>
    public virtual Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
        => Task.CompletedTask;

    /// <summary>Called when the dialog is popped (ended, cancelled or replaced). Default: nothing.</summary>
    public virtual Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
        => Task.CompletedTask;

    /// <summary>A string that changes when the dialog changes incompatibly (stored with each instance). Default: the id.</summary>
    public virtual string GetVersion() => Id;
}
