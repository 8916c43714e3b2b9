using SupportBot.Helpdesk.Tickets;

namespace SupportBot.Helpdesk.Api;

/// <summary>One row of the queue or a search result (no transcript).</summary>
public sealed record TicketListItem(
    string Number, TicketStatus Status, TicketPriority Priority, string Summary, string? FlowId, int? RemainingDays,
    DateTimeOffset CreatedAt, DateTimeOffset? ClaimedAt, DateTimeOffset? ClosedAt, string? Assignee, int? Rating)
{
    /// <summary>The list row for <paramref name="ticket"/>.</summary>
    public static TicketListItem From(Ticket ticket) => new(ticket.Number, ticket.Status, ticket.Priority, ticket.Summary, ticket.FlowId,
        ticket.RemainingDays, ticket.CreatedAt, ticket.ClaimedAt, ticket.ClosedAt, ticket.Assignee, ticket.Rating);
}

/// <summary>A page of list rows.</summary>
public sealed record TicketListResponse(IReadOnlyList<TicketListItem> Items, int Total, int Page, int PageSize);

/// <summary>A ticket with its full context and history.</summary>
public sealed record TicketDetailResponse(Ticket Ticket, IReadOnlyList<TicketEvent> Events);

/// <summary>Sign-in request of the console.</summary>
public sealed record LoginRequest(string UserName, string Password);

/// <summary>Who is signed in.</summary>
public sealed record StaffResponse(string UserName, string DisplayName, IReadOnlyList<string> Roles);

/// <summary>A message from staff to the user.</summary>
public sealed record StaffMessageRequest(string Text);

/// <summary>Closing note (optional).</summary>
public sealed record CloseRequest(string? Note);

/// <summary>An error body.</summary>
public sealed record ApiError(string Error);
