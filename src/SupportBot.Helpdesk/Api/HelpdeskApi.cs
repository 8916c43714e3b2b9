using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SupportBot.Helpdesk.Auth;
using SupportBot.Helpdesk.Outbox;
using SupportBot.Helpdesk.Relay;
using SupportBot.Helpdesk.Tickets;

namespace SupportBot.Helpdesk.Api;

/// <summary>The REST API under <c>/api/helpdesk</c>: queue, tickets, claim, chat, close, search, CSV export, outbox failures.</summary>
internal static class HelpdeskApi
{
    public const string Prefix = "/api/helpdesk";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Prefix).WithTags("Helpdesk");
        HelpdeskSessionApi.Map(api);

        var agent = api.MapGroup("").RequireAuthorization(HelpdeskRoles.AgentPolicy);
        agent.MapGet("/queue", async (ITicketStore store, CancellationToken ct) =>
                Json(ToList(await store.ListAsync(TicketQuery.Queue, ct))))
            .WithSummary("Open and claimed tickets, most urgent first, then oldest first.")
            .Produces<TicketListResponse>();
        agent.MapGet("/tickets", async ([AsParameters] TicketSearch search, ITicketStore store, CancellationToken ct) =>
                Json(ToList(await store.ListAsync(search.ToQuery(), ct))))
            .WithSummary("Search tickets by status, priority, text and creation date (paged).")
            .Produces<TicketListResponse>();
        agent.MapGet("/tickets/export.csv", async ([AsParameters] TicketSearch search, ITicketStore store, TicketNumbering numbering, CancellationToken ct) =>
            {
                var tickets = new List<Ticket>();
                var query = search.ToQuery() with { PageSize = 500, Page = 0 };
                for (TicketPage page; (page = await store.ListAsync(query, ct)).Items.Count > 0; query = query with { Page = query.Page + 1 })
                {
                    tickets.AddRange(page.Items);
                }
                return Results.File(TicketCsv.Write(tickets, numbering.TimeZone), "text/csv; charset=utf-8", "helpdesk-tickets.csv");
            })
            .WithSummary("The matching tickets as CSV (UTF-8 with BOM, for Excel).")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        agent.MapGet("/tickets/{number}", async (string number, ITicketStore store, CancellationToken ct) =>
                await store.GetAsync(number, ct) is { } ticket
                    ? Json(new TicketDetailResponse(ticket, await store.GetEventsAsync(number, 0, ct)))
                    : NotFound(number))
            .WithSummary("A ticket with its full context (answers, checks, what was tried, transcript) and history.")
            .Produces<TicketDetailResponse>().Produces<ApiError>(StatusCodes.Status404NotFound);
        agent.MapGet("/tickets/{number}/events", async (string number, long? after, ITicketStore store, CancellationToken ct) =>
                Json(await store.GetEventsAsync(number, after ?? 0, ct)))
            .WithSummary("History after an event id (poll this for new user messages).")
            .Produces<IReadOnlyList<TicketEvent>>();
        agent.MapPost("/tickets/{number}/claim", async (string number, ClaimsPrincipal user, StaffActions actions, CancellationToken ct) =>
                Outcome(await actions.ClaimAsync(number, Staff(user), ct), number, "The ticket is not open (someone else may have claimed it)."))
            .WithSummary("Claim an open ticket; exactly one staff member wins. The user is told a person joined.")
            .Produces<Ticket>().Produces<ApiError>(StatusCodes.Status409Conflict).Produces<ApiError>(StatusCodes.Status404NotFound);
        agent.MapPost("/tickets/{number}/messages", async (string number, StaffMessageRequest request, ClaimsPrincipal user, StaffActions actions, CancellationToken ct) =>
                string.IsNullOrWhiteSpace(request.Text) || request.Text.Length > 4000
                    ? Results.Json(new ApiError("Text must be 1–4000 characters."), HelpdeskJson.Options, statusCode: StatusCodes.Status400BadRequest)
                    : Outcome(await actions.SendMessageAsync(number, Staff(user), request.Text, ct), number, "The ticket is not claimed."))
            .WithSummary("Send a message to the user (only while the ticket is claimed).")
            .Produces<Ticket>().Produces<ApiError>(StatusCodes.Status409Conflict);
        agent.MapPost("/tickets/{number}/close", async (string number, CloseRequest? request, ClaimsPrincipal user, StaffActions actions, CancellationToken ct) =>
                Outcome(await actions.CloseAsync(number, Staff(user), request?.Note, ct), number, "The ticket is already closed."))
            .WithSummary("Close the ticket; the user is asked for a 1–5 rating.")
            .Produces<Ticket>().Produces<ApiError>(StatusCodes.Status409Conflict);

        api.MapGet("/outbox/failures", async (IWebhookOutbox outbox, CancellationToken ct) => Json(await outbox.ListFailuresAsync(200, ct)))
            .RequireAuthorization(HelpdeskRoles.AdminPolicy)
            .WithSummary("Webhook deliveries that failed and are still waiting for a retry (admin).")
            .Produces<IReadOnlyList<OutboxItem>>();
    }

    public static StaffMember Staff(ClaimsPrincipal user)
    {
        var name = user.Identity?.Name ?? user.FindFirstValue("sub") ?? "staff";
        return new StaffMember(name, user.FindFirstValue(HelpdeskRoles.DisplayNameClaim) ?? user.FindFirstValue("name") ?? name);
    }

    public static IResult Json<T>(T value) => Results.Json(value, HelpdeskJson.Options);

    private static TicketListResponse ToList(TicketPage page)
        => new([.. page.Items.Select(TicketListItem.From)], page.Total, page.Page, page.PageSize);

    private static IResult NotFound(string number)
        => Results.Json(new ApiError($"No ticket {number}."), HelpdeskJson.Options, statusCode: StatusCodes.Status404NotFound);

    private static IResult Outcome(TicketChangeResult result, string number, string conflict) => result.Outcome switch
    {
        TicketChangeOutcome.Done => Json(result.Ticket),
        TicketChangeOutcome.NotFound => NotFound(number),
        _ => Results.Json(new ApiError(conflict), HelpdeskJson.Options, statusCode: StatusCodes.Status409Conflict),
    };
}

/// <summary>Query-string filters of the search and export endpoints.</summary>
internal sealed record TicketSearch(string? Status, string? Priority, string? Q, DateTimeOffset? From, DateTimeOffset? To, int? Page, int? PageSize)
{
    public TicketQuery ToQuery() => new()
    {
        Statuses = [.. (Status ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => Enum.TryParse<TicketStatus>(s, true, out var v) ? v : (TicketStatus?)null).OfType<TicketStatus>()],
        Priority = Enum.TryParse<TicketPriority>(Priority, true, out var p) ? p : null,
        Text = Q,
        CreatedFrom = From,
        CreatedTo = To,
        Page = Page ?? 0,
        PageSize = PageSize ?? 50,
    };
}
