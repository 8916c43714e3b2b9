using SupportBot.Dialogs;
using SupportBot.Flows.Runtime;
using SupportBot.Schema;

namespace SupportBot.Flows.Dialogs;

/// <summary>
/// Runs one troubleshooting flow on the dialog stack. The dialog holds no conversation state: the
/// <see cref="FlowSessionState"/> (flow id and pinned version, current state, masked slots, answered path)
/// lives in <see cref="DialogInstance.State"/>, and every answer goes through <see cref="FlowEngine"/>.
/// </summary>
public sealed class FlowDialog : Dialog
{
    /// <summary>Key of the session in <see cref="DialogInstance.State"/>.</summary>
    public const string SessionKey = "flowSession";

    private readonly FlowCatalog _catalog;

    /// <summary>Creates the dialog over a catalog (shared by all conversations).</summary>
    public FlowDialog(FlowCatalog catalog, string dialogId = "flow")
        : base(dialogId)
    {
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
    }

    /// <inheritdoc />
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        var start = options as FlowDialogOptions ?? throw new ArgumentException($"{nameof(FlowDialog)} needs {nameof(FlowDialogOptions)}.", nameof(options));
        var flow = _catalog.Latest(start.FlowId) ?? throw new InvalidOperationException($"No flow '{start.FlowId}' is loaded.");
        var (session, turn) = FlowEngine.Start(flow, start.Locale ?? dc.GetLocale());
        dc.ActiveDialog!.State[SessionKey] = session;
        await FlowActivities.SendAsync(dc.Context, turn.Messages, session.Locale, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    /// <inheritdoc />
    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        var activity = dc.Context.Activity;
        if (!activity.IsType(ActivityTypes.Message)) return EndOfTurn;
        var session = dc.ActiveDialog!.State.GetValue<FlowSessionState>(SessionKey)
            ?? throw new InvalidOperationException("The flow dialog has no session state.");
        var flow = _catalog.For(session);
        var turn = FlowEngine.Continue(flow, session, activity.Text ?? activity.Value?.ToString() ?? "");
        dc.ActiveDialog.State[SessionKey] = session;
        await FlowActivities.SendAsync(dc.Context, turn.Messages, session.Locale, cancellationToken).ConfigureAwait(false);
        return turn.Outcome is { } outcome
            ? await dc.EndDialogAsync(new FlowDialogResult(flow.Id, flow.Version, outcome, turn.Escalation), cancellationToken).ConfigureAwait(false)
            : EndOfTurn;
    }

    /// <inheritdoc />
    public override Task RepromptDialogAsync(Builder.ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        if (instance.State.GetValue<FlowSessionState>(SessionKey) is not { Outcome: null } session) return Task.CompletedTask;
        var prompt = FlowEngine.Reprompt(_catalog.For(session), session);
        return FlowActivities.SendAsync(turnContext, [prompt], session.Locale, cancellationToken);
    }
}
