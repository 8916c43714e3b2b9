namespace SupportBot.Dialogs;

/// <summary>The context a waterfall step runs with: its index, the dialog options, the previous result and shared values.</summary>
public class WaterfallStepContext : DialogContext
{
    private readonly WaterfallDialog _waterfall;
    private bool _nextCalled;

    internal WaterfallStepContext(WaterfallDialog waterfall, DialogContext dc, object? options, IDictionary<string, object?> values, int index, DialogReason reason, object? result)
        : base(dc.Dialogs, dc.Context, dc.State)
    {
        _waterfall = waterfall;
        Parent = dc.Parent;
        Options = options;
        Values = values;
        Index = index;
        Reason = reason;
        Result = result;
    }

    /// <summary>Zero-based index of the running step.</summary>
    public int Index { get; }

    /// <summary>The options the waterfall was begun with (a <c>JsonElement</c> after a save/load; see <see cref="GetOptions{T}"/>).</summary>
    public object? Options { get; }

    /// <summary>Why the step runs.</summary>
    public DialogReason Reason { get; }

    /// <summary>The previous step's result (e.g. a prompt's answer, or a <c>PromptGaveUp</c>).</summary>
    public object? Result { get; }

    /// <summary>Values shared by all steps of this waterfall instance (saved with the dialog state).</summary>
    public IDictionary<string, object?> Values { get; }

    /// <summary>The begin options as <typeparamref name="T"/>.</summary>
    public T? GetOptions<T>() => new Dictionary<string, object?> { ["o"] = Options }.GetValue<T>("o");

    /// <summary>Skips to the next step without waiting for the user; may be called once per step.</summary>
    public Task<DialogTurnResult> NextAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        if (_nextCalled)
        {
            throw new InvalidOperationException($"NextAsync was already called in step {Index} of waterfall '{_waterfall.Id}'.");
        }

        _nextCalled = true;
        return _waterfall.ResumeDialogAsync(this, DialogReason.NextCalled, result, cancellationToken);
    }
}
