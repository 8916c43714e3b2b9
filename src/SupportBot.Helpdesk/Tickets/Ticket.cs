using System.Text.Json;
using SupportBot.Schema;

namespace SupportBot.Helpdesk.Tickets;

/// <summary>A stored ticket with its full context (already masked).</summary>
public sealed record Ticket
{
    /// <summary>Store key.</summary>
    public long Id { get; init; }

    /// <summary>Number shown to the user, e.g. <c>SB-20261123-0042</c>.</summary>
    public required string Number { get; init; }

    /// <summary>Current status.</summary>
    public TicketStatus Status { get; init; }

    /// <summary>Effective priority (override or derived).</summary>
    public TicketPriority Priority { get; init; }

    /// <summary>The explicit override, if one was given.</summary>
    public TicketPriority? PriorityOverride { get; init; }

    /// <summary>Why the bot escalated.</summary>
    public string Reason { get; init; } = EscalationReasons.FlowEnded;

    /// <summary>Channel id.</summary>
    public required string ChannelId { get; init; }

    /// <summary>The user's conversation id (copied from <see cref="Conversation"/> for look-ups).</summary>
    public required string ConversationId { get; init; }

    /// <summary>Reference to the user's conversation.</summary>
    public required ConversationReference Conversation { get; init; }

    /// <summary>Flow id.</summary>
    public string? FlowId { get; init; }

    /// <summary>Flow version.</summary>
    public string? FlowVersion { get; init; }

    /// <summary>State ids visited.</summary>
    public IReadOnlyList<string> Path { get; init; } = [];

    /// <summary>Answers by state id.</summary>
    public IReadOnlyDictionary<string, string> Answers { get; init; } = new Dictionary<string, string>();

    /// <summary>Slots.</summary>
    public IReadOnlyDictionary<string, string> Slots { get; init; } = new Dictionary<string, string>();

    /// <summary>Agent check results.</summary>
    public IReadOnlyList<JsonElement> Checks { get; init; } = [];

    /// <summary>The user's error text.</summary>
    public string? ErrorText { get; init; }

    /// <summary>Product version.</summary>
    public string? ProductVersion { get; init; }

    /// <summary>Operating system.</summary>
    public string? OperatingSystem { get; init; }

    /// <summary>What was tried.</summary>
    public IReadOnlyList<string> Tried { get; init; } = [];

    /// <summary>Licence days remaining.</summary>
    public int? RemainingDays { get; init; }

    /// <summary>One line for the queue.</summary>
    public string Summary { get; init; } = "";

    /// <summary>The conversation up to the escalation.</summary>
    public IReadOnlyList<Activity> Transcript { get; init; } = [];

    /// <summary>The user's locale.</summary>
    public string? Locale { get; init; }

    /// <summary>When the ticket was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When a staff member claimed it.</summary>
    public DateTimeOffset? ClaimedAt { get; init; }

    /// <summary>When it was closed or cancelled.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>The staff member who claimed it.</summary>
    public string? Assignee { get; init; }

    /// <summary>The user's rating, 1–5.</summary>
    public int? Rating { get; init; }

    /// <summary>The user's comment with the rating.</summary>
    public string? RatingComment { get; init; }

    /// <summary>Whether the user was already told nobody has claimed it yet.</summary>
    public bool ClaimTimeoutNotified { get; init; }
}
