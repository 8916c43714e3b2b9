namespace SupportBot.Helpdesk.Tickets;

/// <summary>Filters for listing and searching tickets. Results come by priority (highest first), then oldest first.</summary>
public sealed record TicketQuery
{
    /// <summary>Only these statuses (empty = all).</summary>
    public IReadOnlyList<TicketStatus> Statuses { get; init; } = [];

    /// <summary>Only this priority.</summary>
    public TicketPriority? Priority { get; init; }

    /// <summary>Free text found in the number, summary, error text, flow id or assignee.</summary>
    public string? Text { get; init; }

    /// <summary>Created at or after.</summary>
    public DateTimeOffset? CreatedFrom { get; init; }

    /// <summary>Created before.</summary>
    public DateTimeOffset? CreatedTo { get; init; }

    /// <summary>Zero-based page.</summary>
    public int Page { get; init; }

    /// <summary>Page size (1–500).</summary>
    public int PageSize { get; init; } = 50;

    /// <summary>The live queue: open and claimed tickets.</summary>
    public static TicketQuery Queue { get; } = new() { Statuses = [TicketStatus.Open, TicketStatus.Claimed], PageSize = 200 };
}

/// <summary>One page of tickets plus the total that matched.</summary>
/// <param name="Items">The tickets on this page.</param>
/// <param name="Total">How many matched in all.</param>
/// <param name="Page">Zero-based page.</param>
/// <param name="PageSize">Page size used.</param>
public sealed record TicketPage(IReadOnlyList<Ticket> Items, int Total, int Page, int PageSize);
