using SupportBot.Builder;

namespace SupportBot.Dialogs;

/// <summary>
/// A dialog made of inner dialogs with their own stack, saved inside this dialog's instance state
/// (key <c>dialogs</c>). Override <see cref="OnContinueDialogAsync"/> for interruptions (help, cancel).
/// </summary>
public class ComponentDialog : Dialog
{
    /// <summary>Key of the inner stack in the instance state.</summary>
    public const string PersistedDialogState = "dialogs";

    private readonly DialogSet _dialogs = new();

    /// <summary>Creates a component.</summary>
    public ComponentDialog(string dialogId)
        : base(dialogId)
    {
    }

    /// <summary>The inner dialog begun first; defaults to the first one added.</summary>
    public string? InitialDialogId { get; set; }

    /// <summary>The inner dialogs.</summary>
    public DialogSet Dialogs => _dialogs;

    /// <summary>Adds an inner dialog.</summary>
    public ComponentDialog AddDialog(Dialog dialog)
    {
        _dialogs.Add(dialog);
        InitialDialogId ??= dialog.Id;
        return this;
    }

    /// <summary>An inner dialog by id, or null.</summary>
    public Dialog? FindDialog(string dialogId) => _dialogs.Find(dialogId);

    /// <inheritdoc />
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext outerDc, object? options = null, CancellationToken cancellationToken = default)
    {
        var innerDc = CreateInnerDc(outerDc.Context, outerDc.ActiveDialog!, outerDc);
        var turnResult = await OnBeginDialogAsync(innerDc, options, cancellationToken).ConfigureAwait(false);
        return await FinishTurnAsync(outerDc, turnResult, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext outerDc, CancellationToken cancellationToken = default)
    {
        var innerDc = CreateInnerDc(outerDc.Context, outerDc.ActiveDialog!, outerDc);
        var turnResult = await OnContinueDialogAsync(innerDc, cancellationToken).ConfigureAwait(false);
        return await FinishTurnAsync(outerDc, turnResult, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A dialog the component started on the outer stack ended: re-prompt the inner active dialog and wait.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext outerDc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        await RepromptDialogAsync(outerDc.Context, outerDc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    /// <inheritdoc />
    public override async Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        var innerDc = CreateInnerDc(turnContext, instance, null);
        await innerDc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
        await OnRepromptDialogAsync(turnContext, instance, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
    {
        if (reason == DialogReason.CancelCalled)
        {
            var innerDc = CreateInnerDc(turnContext, instance, null);
            await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        }

        await OnEndDialogAsync(turnContext, instance, reason, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The id plus the inner dialogs' versions.</summary>
    public override string GetVersion() => $"{Id}[{_dialogs.GetVersion()}]";

    /// <summary>Begins the initial inner dialog.</summary>
    protected virtual Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken)
        => innerDc.BeginDialogAsync(InitialDialogId ?? throw new InvalidOperationException($"Component '{Id}' has no dialogs."), options, cancellationToken);

    /// <summary>Continues the inner active dialog (override to intercept help/cancel first).</summary>
    protected virtual Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
        => innerDc.ContinueDialogAsync(cancellationToken);

    /// <summary>Called after the component ended.</summary>
    protected virtual Task OnEndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken)
        => Task.CompletedTask;

    /// <summary>Called after the inner dialog re-prompted.</summary>
    protected virtual Task OnRepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken)
        => Task.CompletedTask;

    /// <summary>Ends the component on the outer stack with <paramref name="result"/>.</summary>
    protected virtual Task<DialogTurnResult> EndComponentAsync(DialogContext outerDc, object? result, CancellationToken cancellationToken)
        => outerDc.EndDialogAsync(result, cancellationToken);

    private Task<DialogTurnResult> FinishTurnAsync(DialogContext outerDc, DialogTurnResult inner, CancellationToken cancellationToken)
        => inner.Status == DialogTurnStatus.Waiting
            ? Task.FromResult(EndOfTurn)
            : EndComponentAsync(outerDc, inner.Result, cancellationToken);

    private DialogContext CreateInnerDc(ITurnContext turnContext, DialogInstance instance, DialogContext? outerDc)
    {
        var state = instance.State.GetValue<DialogState>(PersistedDialogState) ?? new DialogState();
        instance.State[PersistedDialogState] = state;
        return new DialogContext(_dialogs, turnContext, state) { Parent = outerDc };
    }
}
