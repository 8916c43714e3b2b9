using System.Globalization;
using SupportBot.AgentLink;
using SupportBot.Builder;
using SupportBot.Dialogs;
using SupportBot.Flows.Checks;
using SupportBot.Flows.Dialogs;
using SupportBot.Flows.Runtime;
using SupportBot.Schema;
using SupportBot.Server.Bot;

namespace SupportBot.Server.Agent;

/// <summary>
/// Asks the user's consent for the PC helper, and pairs it. Begun by FlowDialog the first time it meets a check
/// state with no helper paired. It explains what the helper reads (and that it changes nothing), asks
/// 「使う」/「使わずに自分で答える」; on yes it makes a pairing code and shows the download link and the command, then
/// waits for the <c>agent.paired</c> turn. Ends with <c>true</c> when a helper is paired, <c>false</c> when the user
/// answers themselves (possible at any time). An expired code is said plainly and a new one offered.
/// </summary>
public sealed class AgentOfferDialog(IAgentPairing pairing, AgentPublicUrl publicUrl, FlowCatalog catalog, TimeProvider time)
    : Dialog(DialogId)
{
    /// <summary>The dialog id FlowDialog begins.</summary>
    public const string DialogId = "agent-offer";

    private const string PhaseKey = "phase";
    private const string CodeKey = "code";
    private const string ExpiresKey = "expiresAt";
    private const string PlaceKey = "place";
    private const string LocaleKey = "locale";
    private const string Consent = "consent";
    private const string Waiting = "waiting";

    /// <inheritdoc />
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var state = dc.ActiveDialog!.State;
        state[PhaseKey] = Consent;
        state[PlaceKey] = FlowPlaceOf(dc);
        // The flow's language, so the offer speaks like the questions around it.
        state[LocaleKey] = (options as FlowHelperOfferOptions)?.Locale ?? dc.GetLocale();
        var texts = AgentOfferTexts.For(LocaleOf(dc));
        await SendAsync(dc, [Text(dc, texts.Why, "agent-offer"), Text(dc, texts.WhatItReads, "agent-offer"), ConsentQuestion(dc, texts.Question)], cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    /// <inheritdoc />
    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var activity = dc.Context.Activity;
        var state = dc.ActiveDialog!.State;
        var texts = AgentOfferTexts.For(LocaleOf(dc));
        var waiting = state.GetValue<string>(PhaseKey) == Waiting;
        if (waiting && AgentEvents.IsPaired(activity))
        {
            await SendAsync(dc, [Text(dc, texts.Paired, "agent-paired")], cancellationToken).ConfigureAwait(false);
            return await dc.EndDialogAsync(true, cancellationToken).ConfigureAwait(false);
        }
        if (!activity.IsType(ActivityTypes.Message)) return EndOfTurn; // other events (a stale result) change nothing here

        var said = activity.Text;
        // 自分で答える at any time; a global command (キャンセル, 担当者と話したい, …) also leaves the offer to the flow.
        if (Matches(said, AgentOfferTexts.NoWords) || GlobalCommands.Recognize(said) is not null)
        {
            // A code already shown stops working: a helper started after "no" must not attach to this chat.
            if (waiting && activity.Conversation?.Id is { Length: > 0 } conversationId)
            {
                await pairing.EndConversationAsync(conversationId, cancellationToken).ConfigureAwait(false);
            }
            // A command is carried out by the flow at once (FlowDialog.ResumeDialogAsync); only a plain "no" gets an answer here.
            if (GlobalCommands.Recognize(said) is null)
            {
                await SendAsync(dc, [Text(dc, texts.Declined, "agent-declined")], cancellationToken).ConfigureAwait(false);
            }
            return await dc.EndDialogAsync(false, cancellationToken).ConfigureAwait(false);
        }
        if (!waiting)
        {
            if (Matches(said, AgentOfferTexts.YesWords)) return await ShowCodeAsync(dc, texts, cancellationToken).ConfigureAwait(false);
            await SendAsync(dc, [ConsentQuestion(dc, texts.PleaseChoose)], cancellationToken).ConfigureAwait(false);
            return EndOfTurn;
        }
        if (Matches(said, AgentOfferTexts.NewCodeWords)) return await ShowCodeAsync(dc, texts, cancellationToken, withDownload: false).ConfigureAwait(false);
        var code = state.GetValue<string>(CodeKey) ?? "";
        var expired = time.GetUtcNow() >= state.GetValue<DateTimeOffset>(ExpiresKey);
        var line = string.Format(CultureInfo.InvariantCulture, expired ? texts.Expired : texts.StillWaiting, code);
        await SendAsync(dc, [WaitingActions(dc, texts, line, expired ? "agent-code-expired" : "agent-waiting")], cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    /// <inheritdoc />
    public override async Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(instance);
        var locale = instance.State.GetValue<string>(LocaleKey) ?? turnContext.Activity.Locale;
        var texts = AgentOfferTexts.For(locale);
        var place = instance.State.GetValue<FlowPlace>(PlaceKey);
        var activity = instance.State.GetValue<string>(PhaseKey) == Waiting
            ? Buttons(texts.Waiting, [texts.AnswerMyselfNow, texts.NewCode])
            : Buttons(texts.Question, [texts.Use, texts.AnswerMyself]);
        await turnContext.SendActivityAsync(Place(activity, locale, place, "agent-offer"), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> ShowCodeAsync(DialogContext dc, AgentOfferTexts texts, CancellationToken cancellationToken, bool withDownload = true)
    {
        var reference = dc.Context.Activity.GetConversationReference();
        var code = await pairing.CreateCodeAsync(reference, cancellationToken).ConfigureAwait(false);
        var state = dc.ActiveDialog!.State;
        state[PhaseKey] = Waiting;
        state[CodeKey] = code.Code;
        state[ExpiresKey] = code.ExpiresAt;
        var minutes = Math.Max(1, (int)Math.Round((code.ExpiresAt - time.GetUtcNow()).TotalMinutes));
        var command = $"supportbot-agent pair {code.Code} --server {publicUrl.Server}";
        var messages = new List<Activity>();
        if (withDownload) messages.Add(Text(dc, string.Format(CultureInfo.InvariantCulture, texts.Download, publicUrl.Download), "agent-download"));
        messages.Add(Text(dc, string.Format(CultureInfo.InvariantCulture, texts.Command, command, minutes), "agent-command"));
        messages.Add(WaitingActions(dc, texts, texts.Waiting, "agent-waiting"));
        await SendAsync(dc, messages, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    private static Activity ConsentQuestion(DialogContext dc, string text)
    {
        var texts = AgentOfferTexts.For(LocaleOf(dc));
        return Placed(dc, Buttons(text, [texts.Use, texts.AnswerMyself]), "agent-offer");
    }

    private static Activity WaitingActions(DialogContext dc, AgentOfferTexts texts, string text, string step) =>
        Placed(dc, Buttons(text, [texts.AnswerMyselfNow, texts.NewCode]), step);

    private static Activity Buttons(string text, IEnumerable<string> labels) =>
        MessageFactory.SuggestedActions(labels.Select(l => CardAction.ImBack(l)), text, inputHint: InputHints.ExpectingInput);

    private static Activity Text(DialogContext dc, string text, string step) => Placed(dc, MessageFactory.Text(text), step);

    private static Activity Placed(DialogContext dc, Activity activity, string step) =>
        Place(activity, LocaleOf(dc), dc.ActiveDialog!.State.GetValue<FlowPlace>(PlaceKey), step);

    private static string? LocaleOf(DialogContext dc) => dc.ActiveDialog!.State.GetValue<string>(LocaleKey) ?? dc.GetLocale();

    // channelData.supportBot names the flow the offer interrupts and keeps its progress, so the widget's bar holds still.
    private static Activity Place(Activity activity, string? locale, FlowPlace? flow, string step)
    {
        activity.Locale = locale;
        return new SupportBotPlace(flow?.Flow ?? "root", step, flow?.Progress ?? 0).ApplyTo(activity);
    }

    private static Task SendAsync(DialogContext dc, IReadOnlyList<Activity> activities, CancellationToken cancellationToken) =>
        dc.Context.SendActivitiesAsync([.. activities], cancellationToken);

    /// <summary>The flow (and its progress) whose check state began this offer, from the FlowDialog below on the stack.</summary>
    private FlowPlace? FlowPlaceOf(DialogContext dc)
    {
        foreach (var instance in dc.Stack.Skip(1))
        {
            if (instance.State.GetValue<FlowSessionState>(FlowDialog.SessionKey) is not { } session) continue;
            var flow = catalog.For(session);
            return new FlowPlace(flow.Id, session.State, flow.Progress.TryGetValue(session.State, out var progress) ? progress : 0);
        }
        return null;
    }

    private static bool Matches(string? said, IReadOnlyList<string> words)
    {
        var text = Normalize(said);
        return text.Length > 0 && words.Any(w => Normalize(w) == text);
    }

    private static string Normalize(string? text) =>
        (text ?? "").Trim().TrimEnd('。', '.', '!', '！').Normalize(System.Text.NormalizationForm.FormKC).ToLowerInvariant();
}
