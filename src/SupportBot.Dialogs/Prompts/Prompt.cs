using SupportBot.Builder;
using SupportBot.Schema;

namespace SupportBot.Dialogs.Prompts;

/// <summary>
/// Base of all prompts: asks, recognises the answer, validates it, retries, and gives up after
/// <see cref="PromptOptions.MaxAttempts"/>. All per-conversation data lives in the dialog instance state.
/// </summary>
/// <typeparam name="T">The recognised value type.</typeparam>
public abstract class Prompt<T> : Dialog
{
    /// <summary>State key of the options.</summary>
    protected const string OptionsKey = "options";

    /// <summary>State key of the answer count.</summary>
    protected const string AttemptCountKey = "attemptCount";

    private readonly PromptValidator<T>? _validator;

    /// <summary>Creates a prompt with an optional validator.</summary>
    protected Prompt(string dialogId, PromptValidator<T>? validator = null)
        : base(dialogId)
        => _validator = validator;

    /// <inheritdoc />
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        var promptOptions = options switch
        {
            null => new PromptOptions(),
            PromptOptions typed => typed,
            _ => new Dictionary<string, object?> { ["o"] = options }.GetValue<PromptOptions>("o")
                ?? throw new ArgumentException("Prompt options must be PromptOptions.", nameof(options)),
        };

        var state = dc.ActiveDialog!.State;
        state[OptionsKey] = promptOptions;
        state[AttemptCountKey] = 0;
        await OnPromptAsync(dc.Context, state, promptOptions, false, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    /// <inheritdoc />
    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        // Only messages answer a prompt; typing, events etc. leave it waiting.
        if (!dc.Context.Activity.IsType(ActivityTypes.Message))
        {
            return EndOfTurn;
        }

        var state = dc.ActiveDialog!.State;
        var options = state.GetValue<PromptOptions>(OptionsKey) ?? new PromptOptions();
        var attempts = state.GetValue(AttemptCountKey, 0) + 1;
        state[AttemptCountKey] = attempts;

        var recognized = await OnRecognizeAsync(dc.Context, state, options, cancellationToken).ConfigureAwait(false);
        var isValid = _validator is null
            ? recognized.Succeeded
            : await _validator(new PromptValidatorContext<T>(dc.Context, recognized, state, options, attempts), cancellationToken).ConfigureAwait(false);

        if (isValid)
        {
            return await dc.EndDialogAsync(recognized.Value, cancellationToken).ConfigureAwait(false);
        }

        if (options.MaxAttempts is { } max && attempts >= max)
        {
            return await dc.EndDialogAsync(new PromptGaveUp(Id, attempts, dc.Context.Activity.Text), cancellationToken).ConfigureAwait(false);
        }

        if (!dc.Context.Responded)
        {
            await OnPromptAsync(dc.Context, state, options, true, cancellationToken).ConfigureAwait(false);
        }

        return EndOfTurn;
    }

    /// <summary>A dialog started on top of the prompt ended: ask again and keep waiting.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    /// <inheritdoc />
    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        var options = instance.State.GetValue<PromptOptions>(OptionsKey) ?? new PromptOptions();
        return OnPromptAsync(turnContext, instance.State, options, false, cancellationToken);
    }

    /// <summary>Sends the prompt (or the retry prompt when <paramref name="isRetry"/>).</summary>
    protected abstract Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken);

    /// <summary>Recognises the value in the current activity.</summary>
    protected abstract Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken);

    /// <summary>The activity to send: a copy of the retry prompt or prompt, marked as expecting input (unless ignoringInput).</summary>
    protected static Activity? SelectPrompt(PromptOptions options, bool isRetry)
    {
        var source = isRetry && options.RetryPrompt is not null ? options.RetryPrompt : options.Prompt;
        if (source is null)
        {
            return null;
        }

        var copy = source.Clone();
        copy.Type ??= ActivityTypes.Message;
        // A prompt waits for the answer; acceptingInput is only MessageFactory's default, so upgrade it too.
        if (copy.InputHint is null or InputHints.AcceptingInput)
        {
            copy.InputHint = InputHints.ExpectingInput;
        }

        return copy;
    }
}
