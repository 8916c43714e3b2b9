using System.Text.Json;
using SupportBot.Agent.Contracts;
using SupportBot.Dialogs;
using SupportBot.Flows.Checks;
using SupportBot.Flows.Compilation;
using SupportBot.Flows.Runtime;
using SupportBot.Schema;

namespace SupportBot.Flows.Dialogs;

/// <summary>
/// Runs one troubleshooting flow on the dialog stack. The dialog holds no conversation state: the
/// <see cref="FlowSessionState"/> (flow id and pinned version, current state, masked slots, answered path)
/// lives in <see cref="DialogInstance.State"/>, and every answer goes through <see cref="FlowEngine"/>.
/// With an <see cref="IFlowCheckRunner"/>, a question that declares a <c>check:</c> is answered by the paired PC
/// helper instead of the user; the result arrives as an <c>agent.result</c> event (see <see cref="AgentResultEvent"/>).
/// </summary>
public sealed class FlowDialog : Dialog
{
    /// <summary>Key of the session in <see cref="DialogInstance.State"/>.</summary>
    public const string SessionKey = "flowSession";

    /// <summary>Name of the incoming event activity whose value is the helper's <see cref="CheckResult"/>.</summary>
    public const string AgentResultEvent = "agent.result";

    private readonly FlowCatalog _catalog;
    private readonly IFlowCheckRunner? _checks;
    private readonly string? _offerDialogId;

    /// <summary>Creates the dialog over a catalog (shared by all conversations).</summary>
    /// <param name="catalog">The loaded flows.</param>
    /// <param name="dialogId">This dialog's id.</param>
    /// <param name="checkRunner">The bridge to the PC helper; without it every question is asked.</param>
    /// <param name="offerDialogId">A dialog (same set) that offers the helper once per flow run and ends with a bool.</param>
    public FlowDialog(FlowCatalog catalog, string dialogId = "flow", IFlowCheckRunner? checkRunner = null, string? offerDialogId = null)
        : base(dialogId)
    {
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _checks = checkRunner;
        _offerDialogId = offerDialogId;
    }

    /// <inheritdoc />
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        var start = options as FlowDialogOptions ?? throw new ArgumentException($"{nameof(FlowDialog)} needs {nameof(FlowDialogOptions)}.", nameof(options));
        var flow = _catalog.Latest(start.FlowId) ?? throw new InvalidOperationException($"No flow '{start.FlowId}' is loaded.");
        var (session, turn) = FlowEngine.Start(flow, start.Locale ?? dc.GetLocale());
        dc.ActiveDialog!.State[SessionKey] = session;
        return await ShowAsync(dc, flow, session, turn.Messages, entered: true, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        var activity = dc.Context.Activity;
        if (activity.IsType(ActivityTypes.Event) && activity.Name == AgentResultEvent) return await OnAgentResultAsync(dc, cancellationToken).ConfigureAwait(false);
        if (!activity.IsType(ActivityTypes.Message)) return EndOfTurn;
        var session = Session(dc.ActiveDialog!);
        var flow = _catalog.For(session);
        // The user answered while the helper was still checking: their answer wins, a late result is ignored.
        session.PendingCheck = null;
        var turn = FlowEngine.Continue(flow, session, activity.Text ?? activity.Value?.ToString() ?? "");
        return await AfterTurnAsync(dc, flow, session, turn, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        // Only the helper offer is ever begun on top of a flow.
        var session = Session(dc.ActiveDialog!);
        if (session.Outcome is not null) return EndOfTurn;
        var flow = _catalog.For(session);
        var paired = result is true || result is JsonElement { ValueKind: JsonValueKind.True };
        if (paired && FlowEngine.CheckRequest(flow, session) is { } request && await StartCheckAsync(dc, flow, session, request, cancellationToken).ConfigureAwait(false))
            return EndOfTurn;
        // The offer ended on a global command (キャンセル, 担当者と話したい, …): carry it out now, not after a second ask.
        var activity = dc.Context.Activity;
        if (!paired && activity.IsType(ActivityTypes.Message) && GlobalCommands.Recognize(activity.Text ?? "") is not null)
            return await AfterTurnAsync(dc, flow, session, FlowEngine.Continue(flow, session, activity.Text!), cancellationToken).ConfigureAwait(false);
        await FlowActivities.SendAsync(dc.Context, [FlowEngine.Reprompt(flow, session)], session.Locale, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    /// <inheritdoc />
    public override Task RepromptDialogAsync(Builder.ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        if (instance.State.GetValue<FlowSessionState>(SessionKey) is not { Outcome: null } session) return Task.CompletedTask;
        var prompt = FlowEngine.Reprompt(_catalog.For(session), session);
        return FlowActivities.SendAsync(turnContext, [prompt], session.Locale, cancellationToken);
    }

    private async Task<DialogTurnResult> OnAgentResultAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var session = Session(dc.ActiveDialog!);
        var result = ReadResult(dc.Context.Activity);
        // Results for a question already answered (or another job) are ignored without a word.
        if (result is null || session.PendingCheck is not { } pending || pending.JobId != result.JobId || pending.State != session.State)
            return EndOfTurn;
        session.PendingCheck = null;
        var flow = _catalog.For(session);
        if (FlowEngine.AnswerByCheck(flow, session, result) is { } turn)
            return await AfterTurnAsync(dc, flow, session, turn, cancellationToken).ConfigureAwait(false);
        await FlowActivities.SendAsync(dc.Context, FlowEngine.CouldNotCheck(flow, session), session.Locale, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    private async Task<DialogTurnResult> AfterTurnAsync(DialogContext dc, CompiledFlow flow, FlowSessionState session, FlowTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Outcome is not { } outcome)
            return await ShowAsync(dc, flow, session, turn.Messages, entered: turn.Transitions.Count > 0, cancellationToken).ConfigureAwait(false);
        await FlowActivities.SendAsync(dc.Context, turn.Messages, session.Locale, cancellationToken).ConfigureAwait(false);
        return await dc.EndDialogAsync(new FlowDialogResult(flow.Id, flow.Version, outcome, turn.Escalation), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends the messages of a turn. When the turn entered a question with a check, the question itself (the last
    /// message) is held back: the helper checks it, or is offered first, or the question is asked after all.
    /// </summary>
    private async Task<DialogTurnResult> ShowAsync(DialogContext dc, CompiledFlow flow, FlowSessionState session, IReadOnlyList<FlowMessage> messages, bool entered, CancellationToken cancellationToken)
    {
        if (!entered || _checks is null || FlowEngine.CheckRequest(flow, session) is not { } request)
        {
            await FlowActivities.SendAsync(dc.Context, messages, session.Locale, cancellationToken).ConfigureAwait(false);
            return EndOfTurn;
        }
        await FlowActivities.SendAsync(dc.Context, messages.Take(messages.Count - 1), session.Locale, cancellationToken).ConfigureAwait(false);
        if (await _checks.IsAgentPairedAsync(dc.Context, cancellationToken).ConfigureAwait(false))
        {
            if (await StartCheckAsync(dc, flow, session, request, cancellationToken).ConfigureAwait(false)) return EndOfTurn;
        }
        else if (_offerDialogId is not null && !session.HelperOffered)
        {
            session.HelperOffered = true;
            return await dc.BeginDialogAsync(_offerDialogId, new FlowHelperOfferOptions(session.Locale, flow.Id, session.State), cancellationToken).ConfigureAwait(false);
        }
        await FlowActivities.SendAsync(dc.Context, messages.Skip(messages.Count - 1), session.Locale, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    private async Task<bool> StartCheckAsync(DialogContext dc, CompiledFlow flow, FlowSessionState session, FlowCheckRequest request, CancellationToken cancellationToken)
    {
        if (_checks is null) return false;
        var jobId = await _checks.TryStartAsync(dc.Context, request, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(jobId)) return false;
        session.PendingCheck = new FlowPendingCheck { JobId = jobId, State = session.State };
        await FlowActivities.SendAsync(dc.Context, [FlowEngine.Checking(flow, session)], session.Locale, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static FlowSessionState Session(DialogInstance instance)
    {
        var session = instance.State.GetValue<FlowSessionState>(SessionKey)
            ?? throw new InvalidOperationException("The flow dialog has no session state.");
        instance.State[SessionKey] = session;
        return session;
    }

    // The event's value is the agent's CheckResult JSON; anything unreadable is treated as no result at all.
    private static CheckResult? ReadResult(Activity activity)
    {
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value) return null;
        try
        {
            return value.Deserialize(AgentJsonContext.Default.CheckResult);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
