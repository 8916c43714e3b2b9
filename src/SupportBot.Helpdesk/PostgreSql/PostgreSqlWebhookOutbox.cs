using Npgsql;
using SupportBot.Helpdesk.Outbox;
using static SupportBot.Helpdesk.Sqlite.TicketRows;

namespace SupportBot.Helpdesk.PostgreSql;

/// <summary>
/// PostgreSQL <see cref="IWebhookOutbox"/>, drained by every instance at once: a lease picks the next due row with
/// <c>FOR UPDATE SKIP LOCKED</c> and stamps <c>leased_until_ms</c> in the same statement, so concurrent drainers
/// never take the same item. A lease that runs out without a result (the instance died) makes the item due again.
/// </summary>
public sealed class PostgreSqlWebhookOutbox : IWebhookOutbox
{
    private const string Columns = "id, delivery_id, ticket_id, event_name, payload, created_at_ms, attempts, next_attempt_ms, last_error, delivered_at_ms";
    private readonly HelpdeskPostgreSqlDatabase _database;
    private readonly TimeProvider _time;

    /// <summary>Creates the outbox over <paramref name="database"/>.</summary>
    public PostgreSqlWebhookOutbox(HelpdeskPostgreSqlDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
    }

    /// <inheritdoc />
    public async Task<OutboxItem> EnqueueAsync(long? ticketId, string eventName, string payload, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await InsertAsync(connection, null, ticketId, eventName, payload, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<OutboxItem?> LeaseNextAsync(TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var now = ToMs(_time.GetUtcNow());
        await using var command = _database.DataSource.CreateCommand($"""
            UPDATE helpdesk_outbox SET leased_until_ms = @until, leases = leases + 1
            WHERE id = (SELECT id FROM helpdesk_outbox
                        WHERE delivered_at_ms IS NULL AND next_attempt_ms <= @now AND leased_until_ms <= @now
                        ORDER BY next_attempt_ms, id LIMIT 1
                        FOR UPDATE SKIP LOCKED)
            RETURNING {Columns};
            """);
        command.Parameters.AddWithValue("until", now + (long)lease.TotalMilliseconds);
        command.Parameters.AddWithValue("now", now);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    /// <inheritdoc />
    public Task MarkDeliveredAsync(long id, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE helpdesk_outbox SET delivered_at_ms = @now, leased_until_ms = 0 WHERE id = @id AND delivered_at_ms IS NULL;",
            id, null, null, cancellationToken);

    /// <inheritdoc />
    public Task MarkFailedAsync(long id, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken = default) =>
        ExecuteAsync("""
            UPDATE helpdesk_outbox SET attempts = attempts + 1, last_error = @error, next_attempt_ms = @next, leased_until_ms = 0
            WHERE id = @id AND delivered_at_ms IS NULL;
            """, id, error.Length > 2000 ? error[..2000] : error, ToMs(nextAttemptAt), cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<OutboxItem>> ListFailuresAsync(int limit = 100, CancellationToken cancellationToken = default)
    {
        await using var command = _database.DataSource.CreateCommand(
            $"SELECT {Columns} FROM helpdesk_outbox WHERE delivered_at_ms IS NULL AND attempts > 0 ORDER BY id LIMIT @limit;");
        command.Parameters.AddWithValue("limit", limit);
        return await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<OutboxItem?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var command = _database.DataSource.CreateCommand($"SELECT {Columns} FROM helpdesk_outbox WHERE id = @id;");
        command.Parameters.AddWithValue("id", id);
        return (await ReadAllAsync(command, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
    }

    /// <summary>Inserts an item, inside the caller's transaction when given (ticket creation uses this).</summary>
    internal static async Task<OutboxItem> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long? ticketId, string eventName,
        string payload, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            INSERT INTO helpdesk_outbox (delivery_id, ticket_id, event_name, payload, created_at_ms, next_attempt_ms)
            VALUES (@delivery, @ticket, @event, @payload, @now, @now)
            RETURNING {Columns};
            """, connection, transaction);
        command.Parameters.AddWithValue("delivery", Guid.NewGuid().ToString("N"));
        command.Parameters.Add(TypedParameter.Nullable("ticket", ticketId));
        command.Parameters.AddWithValue("event", eventName);
        command.Parameters.AddWithValue("payload", payload);
        command.Parameters.AddWithValue("now", ToMs(now));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return Read(reader);
    }

    private async Task ExecuteAsync(string sql, long id, string? error, long? next, CancellationToken cancellationToken)
    {
        await using var command = _database.DataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("now", ToMs(_time.GetUtcNow()));
        command.Parameters.Add(TypedParameter.Nullable("error", error));
        command.Parameters.Add(TypedParameter.Nullable("next", next));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<OutboxItem>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var items = new List<OutboxItem>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            items.Add(Read(reader));
        }
        return items;
    }

    private static OutboxItem Read(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetInt64(2), r.GetString(3), r.GetString(4),
        FromMs(r.GetInt64(5)), r.GetInt32(6), FromMs(r.GetInt64(7)), r.IsDBNull(8) ? null : r.GetString(8),
        r.IsDBNull(9) ? null : FromMs(r.GetInt64(9)));
}
