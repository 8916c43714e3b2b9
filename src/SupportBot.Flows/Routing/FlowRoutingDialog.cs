using SupportBot.Dialogs;
using SupportBot.Flows.Dialogs;
using SupportBot.Flows.Inputs;
using SupportBot.Flows.Model;
using SupportBot.Flows.Runtime;
using SupportBot.Flows.Text;
using SupportBot.Schema;

namespace SupportBot.Flows.Routing;

/// <summary>
/// Sends the user's first free-text message to the right flow: a clear match starts it, a close call asks which
/// of the two, nothing close says honestly what the bot can help with and offers a person. Register it next to
/// a <see cref="FlowDialog"/> (same dialog set); it ends with the <see cref="FlowDialogResult"/> of the flow.
/// </summary>
public sealed class FlowRoutingDialog : Dialog
{
    private const string CandidatesKey = "routingCandidates";
    private const string FirstMessageKey = "routingFirstMessage";

    /// <summary>The <c>flow</c> in <c>channelData.supportBot</c> of messages sent before a flow is chosen.</summary>
    public const string RouteFlowId = "route";
    private readonly FlowCatalog _catalog;
    private readonly string _flowDialogId;

    /// <summary>Creates the dialog over a catalog; the flow dialog is found by <paramref name="flowDialogId"/>.</summary>
    public FlowRoutingDialog(FlowCatalog catalog, string dialogId = "route", string flowDialogId = "flow")
        : base(dialogId)
    {
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _flowDialogId = flowDialogId;
    }

    /// <inheritdoc />
    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        var text = dc.Context.Activity.IsType(ActivityTypes.Message) ? dc.Context.Activity.Text : null;
        return string.IsNullOrWhiteSpace(text) ? AskAsync(dc, RoutingTexts.Intro, [], cancellationToken) : RouteAsync(dc, text, cancellationToken);
    }

    /// <inheritdoc />
    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        var activity = dc.Context.Activity;
        if (!activity.IsType(ActivityTypes.Message) || string.IsNullOrWhiteSpace(activity.Text)) return Task.FromResult(EndOfTurn);
        var candidates = dc.ActiveDialog!.State.GetValue<List<string>>(CandidatesKey) ?? [];
        var key = TextNormalizer.ForMatching(activity.Text);
        var picked = candidates.Select(_catalog.Latest).OfType<Compilation.CompiledFlow>()
            .FirstOrDefault(f => key == f.Id || key == TextNormalizer.ForMatching(f.Definition.Title.Ja) || key == TextNormalizer.ForMatching(f.Definition.Title.En));
        if (picked is not null) return dc.BeginDialogAsync(_flowDialogId, new FlowDialogOptions(picked.Id), cancellationToken);
        if (IsNeither(key)) return OutOfScopeAsync(dc, cancellationToken);
        return RouteAsync(dc, activity.Text, cancellationToken);
    }

    /// <inheritdoc />
    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default) =>
        dc.EndDialogAsync(result, cancellationToken);

    private Task<DialogTurnResult> RouteAsync(DialogContext dc, string text, CancellationToken cancellationToken)
    {
        switch (GlobalCommands.Recognize(text))
        {
            case GlobalCommand.Human:
                return HandOverAsync(dc, text, cancellationToken);
            case GlobalCommand.Cancel:
                return EndAsync(dc, FlowOutcome.Cancelled, EngineTexts.Cancelled, null, cancellationToken);
            case GlobalCommand.Help or GlobalCommand.Restart or GlobalCommand.Back:
                return AskAsync(dc, RoutingTexts.Intro, [], cancellationToken);
        }
        // Keep what the user first described, for the helpdesk if this ends with a person.
        dc.ActiveDialog!.State.TryAdd(FirstMessageKey, SensitiveText.Redact(text));
        var route = new FlowRouter(_catalog.Flows).Route(text);
        return route.Kind switch
        {
            RouteKind.Match => dc.BeginDialogAsync(_flowDialogId, new FlowDialogOptions(route.Flow!.Id), cancellationToken),
            RouteKind.Ambiguous => AskAsync(dc, RoutingTexts.WhichOne, [.. route.Candidates.Select(c => c.Flow.Id)], cancellationToken, RoutingTexts.NeitherLabel),
            _ => OutOfScopeAsync(dc, cancellationToken),
        };
    }

    private Task<DialogTurnResult> OutOfScopeAsync(DialogContext dc, CancellationToken cancellationToken) =>
        AskAsync(dc, RoutingTexts.OutOfScope, [.. _catalog.Flows.Select(f => f.Id)], cancellationToken, RoutingTexts.PersonLabel);

    private async Task<DialogTurnResult> AskAsync(DialogContext dc, LocalizedText text, List<string> flowIds, CancellationToken cancellationToken, LocalizedText? extra = null)
    {
        var locale = dc.GetLocale();
        dc.ActiveDialog!.State[CandidatesKey] = flowIds;
        var labels = flowIds.Select(_catalog.Latest).OfType<Compilation.CompiledFlow>().Select(f => f.Definition.Title.For(locale)).ToList();
        if (extra is not null) labels.Add(extra.For(locale));
        var actions = labels.Select(l => new FlowAction(l, l)).ToList();
        var state = extra == RoutingTexts.NeitherLabel ? "choose-flow" : flowIds.Count == 0 ? "describe" : "out-of-scope";
        await dc.Context.SendActivityAsync(FlowActivities.ToActivity(new FlowMessage(text.For(locale), actions, Place(state)), locale), cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    private Task<DialogTurnResult> HandOverAsync(DialogContext dc, string text, CancellationToken cancellationToken)
    {
        var first = dc.ActiveDialog!.State.GetValue<string>(FirstMessageKey) ?? SensitiveText.Redact(text);
        var escalation = new FlowEscalation("", "", "user-request", [], [new("first-message", first)], new Dictionary<string, string>(), []);
        return EndAsync(dc, FlowOutcome.Escalated, EngineTexts.HandingOver, escalation, cancellationToken);
    }

    private static async Task<DialogTurnResult> EndAsync(DialogContext dc, FlowOutcome outcome, LocalizedText text, FlowEscalation? escalation, CancellationToken cancellationToken)
    {
        var message = new FlowMessage(text.For(dc.GetLocale()), [], Place("routing") with { Progress = 1, Outcome = outcome.ToWire() });
        await dc.Context.SendActivityAsync(FlowActivities.ToActivity(message, dc.GetLocale()), cancellationToken).ConfigureAwait(false);
        return await dc.EndDialogAsync(new FlowDialogResult("", "", outcome, escalation), cancellationToken).ConfigureAwait(false);
    }

    // Routing messages carry a place too: flow "route" (no flow chosen yet) and what is being asked.
    private static FlowPlace Place(string state) => new(RouteFlowId, state, 0);

    private static bool IsNeither(string key) =>
        key == TextNormalizer.ForMatching(RoutingTexts.NeitherLabel.Ja) || key == TextNormalizer.ForMatching(RoutingTexts.NeitherLabel.En);
}
