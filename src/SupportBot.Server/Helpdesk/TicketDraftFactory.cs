using System.Globalization;
using SupportBot.Flows.Dialogs;
using SupportBot.Flows.Runtime;
using SupportBot.Helpdesk.Tickets;
using SupportBot.Schema;

namespace SupportBot.Server.Helpdesk;

/// <summary>Turns a flow's <see cref="FlowEscalation"/> into the helpdesk's <see cref="TicketDraft"/> (the helpdesk masks it again).</summary>
public static class TicketDraftFactory
{
    /// <summary>Builds the draft for the conversation of <paramref name="activity"/>.</summary>
    public static TicketDraft Create(Activity activity, FlowDialogResult result, IReadOnlyList<Activity> transcript)
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
        return new TicketDraft
        {
            ChannelId = activity.ChannelId ?? "directline",
            Conversation = activity.GetConversationReference(),
            Reason = escalation.Reason switch
            {
                "user-request" => EscalationReasons.UserAsked,
                "not-understood" => EscalationReasons.PromptExhausted,
                _ => EscalationReasons.FlowEnded,
            },
            FlowId = Blank(escalation.Flow) ?? Blank(result.Flow),
            FlowVersion = Blank(escalation.Version) ?? Blank(result.Version),
            Path = escalation.Path,
            Answers = answers,
            Slots = slots,
            Tried = escalation.Tried,
            ErrorText = Slot(slots, "errorMessage") ?? answers.GetValueOrDefault("first-message"),
            ProductVersion = Slot(slots, "version"),
            OperatingSystem = Slot(slots, "os"),
            RemainingDays = int.TryParse(Slot(slots, "remainingDays"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var days) ? days : null,
            Transcript = transcript,
            Locale = activity.Locale,
        };
    }

    private static string? Slot(IReadOnlyDictionary<string, string> slots, string name) =>
        slots.TryGetValue(name, out var value) ? Blank(value) : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
