namespace SupportBot.Helpdesk.Tickets;

/// <summary>One entry in a ticket's history: a message either way or a status change.</summary>
/// <param name="Id">Monotonic id (use as the "after" cursor when polling).</param>
/// <param name="TicketId">The ticket.</param>
/// <param name="At">When it happened.</param>
/// <param name="Kind">See <see cref="TicketEventKinds"/>.</param>
/// <param name="Author">Staff user name, <c>user</c>, <c>bot</c> or <c>hub</c>.</param>
/// <param name="Text">Message text or a note (masked).</param>
public sealed record TicketEvent(long Id, long TicketId, DateTimeOffset At, string Kind, string Author, string? Text);

/// <summary>Kinds of <see cref="TicketEvent"/>.</summary>
public static class TicketEventKinds
{
    /// <summary>Ticket created.</summary>
    public const string Created = "created";

    /// <summary>A staff member claimed it.</summary>
    public const string Claimed = "claimed";

    /// <summary>Staff wrote to the user.</summary>
    public const string StaffMessage = "staff-message";

    /// <summary>The user wrote to staff.</summary>
    public const string UserMessage = "user-message";

    /// <summary>Closed.</summary>
    public const string Closed = "closed";

    /// <summary>Cancelled.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>The user rated the help.</summary>
    public const string Rated = "rated";

    /// <summary>A <c>handoff.status</c> event arrived from a hub.</summary>
    public const string HandoffStatus = "handoff-status";

    /// <summary>The user was told nobody has claimed the ticket yet.</summary>
    public const string ClaimTimeoutNotice = "claim-timeout-notice";
}
