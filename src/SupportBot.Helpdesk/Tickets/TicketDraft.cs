using System.Text.Json;
using SupportBot.Schema;

namespace SupportBot.Helpdesk.Tickets;

/// <summary>
/// Everything the bot knows when it gives up and hands the case to a person (the escalation context).
/// Built by the flow layer and passed to <see cref="Escalation.EscalationService.EscalateAsync"/>;
/// every free-text field is masked before it is stored.
/// </summary>
public sealed record TicketDraft
{
    /// <summary>Channel id (<c>directline</c>, <c>msteams</c>, ...).</summary>
    public required string ChannelId { get; init; }

    /// <summary>Reference to the user's conversation, so staff messages can go back to it.</summary>
    public required ConversationReference Conversation { get; init; }

    /// <summary>Why the bot escalated: <see cref="EscalationReasons"/>.</summary>
    public string Reason { get; init; } = EscalationReasons.FlowEnded;

    /// <summary>The flow that was running, if any.</summary>
    public string? FlowId { get; init; }

    /// <summary>The version of that flow the conversation was pinned to.</summary>
    public string? FlowVersion { get; init; }

    /// <summary>The state ids visited, in order.</summary>
    public IReadOnlyList<string> Path { get; init; } = [];

    /// <summary>Every answer: state id → what the user chose or typed.</summary>
    public IReadOnlyDictionary<string, string> Answers { get; init; } = new Dictionary<string, string>();

    /// <summary>Slots collected (version, licenseType, remainingDays, ...).</summary>
    public IReadOnlyDictionary<string, string> Slots { get; init; } = new Dictionary<string, string>();

    /// <summary>Agent check results, each a JSON object as the agent reported it.</summary>
    public IReadOnlyList<JsonElement> Checks { get; init; } = [];

    /// <summary>The error text the user reported.</summary>
    public string? ErrorText { get; init; }

    /// <summary>Product version, if known.</summary>
    public string? ProductVersion { get; init; }

    /// <summary>Operating system, if known.</summary>
    public string? OperatingSystem { get; init; }

    /// <summary>What the user already tried (step titles).</summary>
    public IReadOnlyList<string> Tried { get; init; } = [];

    /// <summary>Licence days remaining, if known; drives the priority.</summary>
    public int? RemainingDays { get; init; }

    /// <summary>An explicit priority that wins over the derived one.</summary>
    public TicketPriority? PriorityOverride { get; init; }

    /// <summary>One line for the queue; derived from the flow and error text when empty.</summary>
    public string? Summary { get; init; }

    /// <summary>The conversation so far (masked before storing).</summary>
    public IReadOnlyList<Activity> Transcript { get; init; } = [];

    /// <summary>The user's locale (<c>ja-JP</c> default; <c>en</c> selects English notices).</summary>
    public string? Locale { get; init; }
}

/// <summary>Why a ticket was created.</summary>
public static class EscalationReasons
{
    /// <summary>The flow reached an <c>escalate</c> end.</summary>
    public const string FlowEnded = "flow-escalate";

    /// <summary>The user asked for a person (担当者と話したい).</summary>
    public const string UserAsked = "user-asked";

    /// <summary>A prompt used up its attempts.</summary>
    public const string PromptExhausted = "prompt-exhausted";

    /// <summary>The licence is about to run out.</summary>
    public const string Urgency = "urgency";
}
