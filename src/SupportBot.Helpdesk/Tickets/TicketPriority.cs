namespace SupportBot.Helpdesk.Tickets;

/// <summary>How soon a ticket needs a person. Ordered so that a higher value sorts first in the queue.</summary>
public enum TicketPriority
{
    /// <summary>No deadline pressure known.</summary>
    Normal = 0,

    /// <summary>The licence runs out within a week.</summary>
    High = 1,

    /// <summary>The licence runs out within three days (or already has).</summary>
    Urgent = 2,
}

/// <summary>Derives a ticket's priority from the licence's remaining days.</summary>
public static class PriorityPolicy
{
    /// <summary>At or below this many remaining days a ticket is <see cref="TicketPriority.Urgent"/>.</summary>
    public const int UrgentAtOrBelowDays = 3;

    /// <summary>At or below this many remaining days a ticket is <see cref="TicketPriority.High"/>.</summary>
    public const int HighAtOrBelowDays = 7;

    /// <summary>
    /// The priority for <paramref name="remainingDays"/>; an explicit <paramref name="overridePriority"/> wins.
    /// Unknown remaining days mean <see cref="TicketPriority.Normal"/>.
    /// </summary>
    public static TicketPriority Derive(int? remainingDays, TicketPriority? overridePriority = null) => overridePriority ?? remainingDays switch
    {
        null => TicketPriority.Normal,
        <= UrgentAtOrBelowDays => TicketPriority.Urgent,
        <= HighAtOrBelowDays => TicketPriority.High,
        _ => TicketPriority.Normal,
    };
}
