namespace SupportBot.Helpdesk.Outbox;

/// <summary>
/// Webhook deliveries waiting to go out. An item stays until it is delivered: failures only move its
/// next attempt time, so nothing is lost across restarts.
/// </summary>
public interface IWebhookOutbox
{
    /// <summary>Adds a delivery outside a ticket transaction (ticket creation enqueues through <c>ITicketStore.CreateAsync</c>).</summary>
    Task<OutboxItem> EnqueueAsync(long? ticketId, string eventName, string payload, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes the next due item and leases it for <paramref name="lease"/> so another drainer skips it;
    /// null when nothing is due.
    /// </summary>
    Task<OutboxItem?> LeaseNextAsync(TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Marks an item delivered.</summary>
    Task MarkDeliveredAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Records a failed attempt, its error and when to try again.</summary>
    Task MarkFailedAsync(long id, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken = default);

    /// <summary>Undelivered items that failed at least once, oldest first.</summary>
    Task<IReadOnlyList<OutboxItem>> ListFailuresAsync(int limit = 100, CancellationToken cancellationToken = default);

    /// <summary>One item by id.</summary>
    Task<OutboxItem?> GetAsync(long id, CancellationToken cancellationToken = default);
}

/// <summary>A webhook delivery.</summary>
/// <param name="Id">Store key.</param>
/// <param name="DeliveryId">Unique id sent as <c>X-SupportBot-Delivery</c> (receivers drop repeats).</param>
/// <param name="TicketId">The ticket it is about, if any.</param>
/// <param name="EventName">e.g. <c>ticket.created</c>.</param>
/// <param name="Payload">The masked JSON document to send.</param>
/// <param name="CreatedAt">When it was enqueued.</param>
/// <param name="Attempts">Failed attempts so far.</param>
/// <param name="NextAttemptAt">When it is due.</param>
/// <param name="LastError">The last failure, if any.</param>
/// <param name="DeliveredAt">When it was delivered, if it was.</param>
public sealed record OutboxItem(
    long Id,
    string DeliveryId,
    long? TicketId,
    string EventName,
    string Payload,
    DateTimeOffset CreatedAt,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    string? LastError,
    DateTimeOffset? DeliveredAt);
