using System.Globalization;
using System.Text.Json;
using SupportBot.Agent.Contracts;
using SupportBot.Flows.Dialogs;
using SupportBot.Flows.Runtime;
using SupportBot.Helpdesk.Tickets;
using SupportBot.Schema;

namespace SupportBot.Server.Helpdesk;

/// <summary>Turns a flow's <see cref="FlowEscalation"/> into the helpdesk's <see cref="TicketDraft"/> (the helpdesk masks it again).</summary>
public static class TicketDraftFactory
{
    /// <summary>
    /// A flow that reaches its <c>escalate</c> end with at most this many licence days left was pressed by the deadline:
    /// the ticket records the trigger <see cref="EscalationReasons.Urgency"/>. Same bound as the Passage flow's
    /// <c>urgent</c> branch (<c>remainingDays &lt;= 5</c>); the priority still comes from <see cref="PriorityPolicy"/>.
    /// </summary>
    public const int UrgencyAtOrBelowDays = 5;

    /// <summary>Builds the draft for the conversation of <paramref name="activity"/>.</summary>
    /// <param name="activity">The turn that ended the flow.</param>
    /// <param name="result">The flow's result with its escalation context.</param>
    /// <param name="transcript">The conversation so far.</param>
    /// <param name="checks">Results of the PC helper's checks for this conversation (empty when none ran or no helper is wired).</param>
    public static TicketDraft Create(Activity activity, FlowDialogResult result, IReadOnlyList<Activity> transcript, IReadOnlyList<CheckResult>? checks = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(result);
        var escalation = result.Escalation ?? new FlowEscalation(result.Flow, result.Version, "user-request", [], [], new Dictionary<string, string>(), []);
        var slots = escalation.Slots;
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (state, answer) in escalation.Answers)
        {
            answers[state] = answer; // a state answered twice (the user went back) keeps the last answer
        }
        int? remainingDays = int.TryParse(Slot(slots, "remainingDays"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var days) ? days : null;
        return new TicketDraft
        {
            ChannelId = activity.ChannelId ?? "directline",
            Conversation = activity.GetConversationReference(),
            Reason = Trigger(escalation, remainingDays),
            FlowId = Blank(escalation.Flow) ?? Blank(result.Flow),
            FlowVersion = Blank(escalation.Version) ?? Blank(result.Version),
            Path = escalation.Path,
            Answers = answers,
            Slots = slots,
            Checks = [.. (checks ?? []).Select(c => JsonSerializer.SerializeToElement(c, AgentJsonContext.Default.CheckResult))],
            Tried = escalation.Tried,
            ErrorText = Slot(slots, "errorMessage") ?? answers.GetValueOrDefault("first-message") ?? FirstDescription(transcript),
            ProductVersion = Slot(slots, "version"),
            OperatingSystem = Slot(slots, "os"),
            RemainingDays = remainingDays,
            Transcript = transcript,
            Locale = activity.Locale,
        };
    }

    /// <summary>
    /// Which trigger caused the escalation: the flow engine says <c>gave-up</c> when a typed input used up its attempts
    /// into the end, and <c>not-understood</c> when a question was not understood twice.
    /// </summary>
    private static string Trigger(FlowEscalation escalation, int? remainingDays) => escalation.Reason switch
    {
        "user-request" => EscalationReasons.UserAsked,
        "not-understood" or "gave-up" => EscalationReasons.PromptExhausted,
        _ when remainingDays <= UrgencyAtOrBelowDays => EscalationReasons.Urgency,
        _ => EscalationReasons.FlowEnded,
    };

    /// <summary>
    /// The user's own first words when they typed them (the router chose a flow from them and keeps them nowhere
    /// else); null when the first message was a button of the greeting.
    /// </summary>
    private static string? FirstDescription(IReadOnlyList<Activity> transcript)
    {
        var index = transcript.ToList().FindIndex(a => a.From?.Role == RoleTypes.User && !string.IsNullOrWhiteSpace(a.Text));
        if (index < 0)
        {
            return null;
        }
        var text = transcript[index].Text!.Trim();
        var offered = transcript.Take(index).LastOrDefault(a => a.From?.Role != RoleTypes.User)?.SuggestedActions?.Actions ?? [];
        return offered.Any(a => (a.Value is { ValueKind: JsonValueKind.String } value && value.GetString() == text) || string.Equals(a.Title, text, StringComparison.Ordinal))
            ? null
            : text;
    }

    private static string? Slot(IReadOnlyDictionary<string, string> slots, string name) =>
        slots.TryGetValue(name, out var value) ? Blank(value) : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
