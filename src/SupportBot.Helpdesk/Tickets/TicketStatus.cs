namespace SupportBot.Helpdesk.Tickets;

/// <summary>Where a ticket is in its life: open → claimed → closed, or cancelled.</summary>
public enum TicketStatus
{
    /// <summary>Waiting in the queue for a staff member.</summary>
    Open,

    /// <summary>A staff member took it; messages relay both ways.</summary>
    Claimed,

    /// <summary>Finished by staff (or completed by a handoff hub).</summary>
    Closed,

    /// <summary>Withdrawn (for example the user left or the hub refused it).</summary>
    Cancelled,
}
