using SupportBot.Schema;

namespace SupportBot.Dialogs;

/// <summary>
/// A dialog made of ordered steps; each step usually prompts and the next one receives the answer.
/// The position is kept in the instance state (<c>stepIndex</c>), with <c>options</c> and <c>values</c>.
/// </summary>
public class WaterfallDialog : Dialog
{
    private const string StepIndexKey = "stepIndex";
    private const string OptionsKey = "options";
    private const string ValuesKey = "values";

    private readonly List<WaterfallStep> _steps;

    /// <summary>Creates a waterfall with the given steps.</summary>
    public WaterfallDialog(string dialogId, IEnumerable<WaterfallStep>? steps = null)
        : base(dialogId)
        => _steps = steps?.ToList() ?? [];

    /// <summary>Number of steps.</summary>
    public int StepCount => _steps.Count;

    /// <summary>Appends a step.</summary>
    public WaterfallDialog AddStep(WaterfallStep step)
    {
        _steps.Add(step ?? throw new ArgumentNullException(nameof(step)));
        return this;
    }

    /// <inheritdoc />
    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        var state = dc.ActiveDialog!.State;
        state[OptionsKey] = options;
        state[ValuesKey] = new Dictionary<string, object?>(StringComparer.Ordinal);
        return RunStepAsync(dc, 0, DialogReason.BeginCalled, null, cancellationToken);
    }

    /// <inheritdoc />
    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        // Only messages move a waterfall forward; other activities leave it waiting.
        return dc.Context.Activity.IsType(ActivityTypes.Message)
            ? ResumeDialogAsync(dc, DialogReason.ContinueCalled, dc.Context.Activity.Text, cancellationToken)
            : Task.FromResult(EndOfTurn);
    }

    /// <inheritdoc />
    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        var index = dc.ActiveDialog!.State.GetValue(StepIndexKey, 0);
        return RunStepAsync(dc, index + 1, reason, result, cancellationToken);
    }

    /// <summary>The id plus the step count: adding or removing steps invalidates saved positions.</summary>
    public override string GetVersion() => $"{Id}:{_steps.Count}";

    /// <summary>Runs step <paramref name="index"/>, or ends the waterfall with <paramref name="result"/> after the last.</summary>
    protected virtual async Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        if (index >= _steps.Count)
        {
            return await dc.EndDialogAsync(result, cancellationToken).ConfigureAwait(false);
        }

        var state = dc.ActiveDialog!.State;
        state[StepIndexKey] = index;
        var values = state.GetValue<Dictionary<string, object?>>(ValuesKey) ?? new Dictionary<string, object?>(StringComparer.Ordinal);
        state[ValuesKey] = values;
        var stepContext = new WaterfallStepContext(this, dc, state.GetValueOrDefault(OptionsKey), values, index, reason, result);
        return await _steps[index](stepContext, cancellationToken).ConfigureAwait(false);
    }
}
