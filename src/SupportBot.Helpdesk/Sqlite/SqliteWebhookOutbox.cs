using Microsoft.Data.Sqlite;
using SupportBot.Helpdesk.Outbox;
using static SupportBot.Helpdesk.Sqlite.TicketRows;

namespace SupportBot.Helpdesk.Sqlite;

/// <summary>SQLite <see cref="IWebhookOutbox"/>. Leases make a row invisible to other drainers for a while instead of locking it.</summary>
public sealed class SqliteWebhookOutbox : IWebhookOutbox
{
    private const string Columns = "id, delivery_id, ticket_id, event_name, payload, created_at_ms, attempts, next_attempt_ms, last_error, delivered_at_ms";
    private readonly HelpdeskDatabase _database;
    private readonly TimeProvider _time;

    /// <summary>Creates the outbox over <paramref name="database"/>.</summary>
    public SqliteWebhookOutbox(HelpdeskDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
    }

    /// <inheritdoc />
    public Task<OutboxItem> EnqueueAsync(long? ticketId, string eventName, string payload, CancellationToken cancellationToken = default)
    {
        using var connection = _database.OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: false);
        var item = Insert(connection, transaction, ticketId, eventName, payload, _time.GetUtcNow());
        transaction.Commit();
        return Task.FromResult(item);
    }

    /// <inheritdoc />
    public Task<OutboxItem?> LeaseNextAsync(TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var now = ToMs(_time.GetUtcNow());
        using var connection = _database.OpenConnection();
        using var command = connection.CreateCommand();
        // One statement: pick and lease together, so two drainers never take the same row.
        command.CommandText = $"""
            UPDATE helpdesk_outbox SET leased_until_ms = $until
            WHERE id = (SELECT id FROM helpdesk_outbox
                        WHERE delivered_at_ms IS NULL AND next_attempt_ms <= $now AND leased_until_ms <= $now
                        ORDER BY next_attempt_ms, id LIMIT 1)
            RETURNING {Columns};
            """;
        command.Parameters.AddWithValue("$until", now + (long)lease.TotalMilliseconds);
        command.Parameters.AddWithValue("$now", now);
        using var reader = command.ExecuteReader();
        return Task.FromResult(reader.Read() ? Read(reader) : null);
    }

    /// <inheritdoc />
    public Task MarkDeliveredAsync(long id, CancellationToken cancellationToken = default)
    {
        Execute("UPDATE helpdesk_outbox SET delivered_at_ms = $now, leased_until_ms = 0 WHERE id = $id;", id, null, null);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task MarkFailedAsync(long id, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken = default)
    {
        Execute("""
            UPDATE helpdesk_outbox SET attempts = attempts + 1, last_error = $error, next_attempt_ms = $next, leased_until_ms = 0
            WHERE id = $id AND delivered_at_ms IS NULL;
            """, id, error.Length > 2000 ? error[..2000] : error, ToMs(nextAttemptAt));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxItem>> ListFailuresAsync(int limit = 100, CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyList<OutboxItem>>(Query($"SELECT {Columns} FROM helpdesk_outbox WHERE delivered_at_ms IS NULL AND attempts > 0 ORDER BY id LIMIT $limit;", ("$limit", limit)));

    /// <inheritdoc />
    public Task<OutboxItem?> GetAsync(long id, CancellationToken cancellationToken = default)
        => Task.FromResult(Query($"SELECT {Columns} FROM helpdesk_outbox WHERE id = $id;", ("$id", id)).FirstOrDefault());

    /// <summary>Inserts an item inside the caller's transaction (ticket creation uses this).</summary>
    internal static OutboxItem Insert(SqliteConnection connection, SqliteTransaction transaction, long? ticketId, string eventName, string payload, DateTimeOffset now)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            INSERT INTO helpdesk_outbox (delivery_id, ticket_id, event_name, payload, created_at_ms, next_attempt_ms)
            VALUES ($delivery, $ticket, $event, $payload, $now, $now)
            RETURNING {Columns};
            """;
        command.Parameters.AddWithValue("$delivery", Guid.NewGuid().ToString("N"));
        command.Parameters.AddWithValue("$ticket", Db(ticketId));
        command.Parameters.AddWithValue("$event", eventName);
        command.Parameters.AddWithValue("$payload", payload);
        command.Parameters.AddWithValue("$now", ToMs(now));
        using var reader = command.ExecuteReader();
        reader.Read();
        return Read(reader);
    }

    private void Execute(string sql, long id, string? error, long? next)
    {
        using var connection = _database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$now", ToMs(_time.GetUtcNow()));
        command.Parameters.AddWithValue("$error", Db(error));
        command.Parameters.AddWithValue("$next", Db(next));
        command.ExecuteNonQuery();
    }

    private List<OutboxItem> Query(string sql, (string Name, object Value) parameter)
    {
        using var connection = _database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue(parameter.Name, parameter.Value);
        using var reader = command.ExecuteReader();
        var items = new List<OutboxItem>();
        while (reader.Read())
        {
            items.Add(Read(reader));
        }
        return items;
    }

    private static OutboxItem Read(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetInt64(2), r.GetString(3), r.GetString(4),
        FromMs(r.GetInt64(5)), r.GetInt32(6), FromMs(r.GetInt64(7)), r.IsDBNull(8) ? null : r.GetString(8),
        r.IsDBNull(9) ? null : FromMs(r.GetInt64(9)));
}
