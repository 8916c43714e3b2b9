namespace SupportBot.Helpdesk.Tickets;

/// <summary>
/// Durable ticket storage. Implementations mask free text again on every write (defence in depth),
/// allocate numbers uniquely and make state changes atomic (only one claim wins).
/// </summary>
public interface ITicketStore
{
    /// <summary>
    /// Stores a new ticket, allocating its number, and (when <paramref name="webhookPayload"/> is given)
    /// enqueues the webhook delivery in the same transaction.
    /// </summary>
    Task<Ticket> CreateAsync(TicketDraft draft, Func<Ticket, string>? webhookPayload = null, CancellationToken cancellationToken = default);

    /// <summary>The ticket with this number, or null.</summary>
    Task<Ticket?> GetAsync(string number, CancellationToken cancellationToken = default);

    /// <summary>The newest ticket of a conversation in one of <paramref name="statuses"/>, or null.</summary>
    Task<Ticket?> FindLatestByConversationAsync(string conversationId, IReadOnlyList<TicketStatus> statuses, CancellationToken cancellationToken = default);

    /// <summary>Lists or searches tickets, by priority then age.</summary>
    Task<TicketPage> ListAsync(TicketQuery query, CancellationToken cancellationToken = default);

    /// <summary>Claims an open ticket for <paramref name="assignee"/>; exactly one concurrent caller wins.</summary>
    Task<TicketChangeResult> ClaimAsync(string number, string assignee, CancellationToken cancellationToken = default);

    /// <summary>Closes a claimed or open ticket (or cancels it when <paramref name="cancel"/>).</summary>
    Task<TicketChangeResult> CloseAsync(string number, string actor, string? note = null, bool cancel = false, CancellationToken cancellationToken = default);

    /// <summary>Appends a message or note to the ticket's history.</summary>
    Task<TicketEvent?> AppendEventAsync(string number, string kind, string author, string? text, CancellationToken cancellationToken = default);

    /// <summary>The ticket's history after event id <paramref name="afterId"/>.</summary>
    Task<IReadOnlyList<TicketEvent>> GetEventsAsync(string number, long afterId = 0, CancellationToken cancellationToken = default);

    /// <summary>Records the user's 1–5 rating on a closed ticket (once).</summary>
    Task<TicketChangeResult> RateAsync(string number, int rating, string? comment, CancellationToken cancellationToken = default);

    /// <summary>
    /// Open tickets created before <paramref name="createdBefore"/> whose user has not been told yet; each
    /// returned ticket is marked as told, so a notice goes out once even with several instances.
    /// </summary>
    Task<IReadOnlyList<Ticket>> TakeUnclaimedForNoticeAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken = default);
}

/// <summary>Outcome of a state change.</summary>
public enum TicketChangeOutcome
{
    /// <summary>The change was made.</summary>
    Done,

    /// <summary>No ticket with that number.</summary>
    NotFound,

    /// <summary>The ticket is not in a state that allows it (for example already claimed by someone else).</summary>
    Conflict,
}

/// <summary>Outcome of a state change plus the ticket afterwards (null when not found).</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Ticket">The ticket as it is now.</param>
public sealed record TicketChangeResult(TicketChangeOutcome Outcome, Ticket? Ticket);
