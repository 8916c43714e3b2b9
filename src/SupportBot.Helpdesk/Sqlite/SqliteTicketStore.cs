using Microsoft.Data.Sqlite;
using SupportBot.Helpdesk.Tickets;
using static SupportBot.Helpdesk.Sqlite.TicketRows;

namespace SupportBot.Helpdesk.Sqlite;

/// <summary>SQLite <see cref="ITicketStore"/>: creation and look-ups (changes and queries are in the other parts).</summary>
public sealed partial class SqliteTicketStore : ITicketStore
{
    private readonly HelpdeskDatabase _database;
    private readonly TimeProvider _time;
    private readonly TicketNumbering _numbering;

    /// <summary>Creates the store over <paramref name="database"/>.</summary>
    public SqliteTicketStore(HelpdeskDatabase database, TimeProvider time, TicketNumbering numbering)
    {
        _database = database;
        _time = time;
        _numbering = numbering;
    }

    /// <inheritdoc />
    public Task<Ticket> CreateAsync(TicketDraft draft, Func<Ticket, string>? webhookPayload = null, CancellationToken cancellationToken = default)
    {
        var row = Prepare(draft);
        var masked = row.Masked;
        var now = _time.GetUtcNow();

        using var connection = _database.OpenConnection();
        // IMMEDIATE: the counter, the ticket and its outbox item are written under one writer lock.
        using var transaction = connection.BeginTransaction(deferred: false);
        var dayKey = _numbering.DayKey(now);
        var number = _numbering.Format(dayKey, NextSequence(connection, transaction, dayKey));

        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"""
            INSERT INTO helpdesk_ticket (number, status, priority, priority_override, reason, channel_id, conversation_id,
                flow_id, flow_version, remaining_days, summary, error_text, product_version, os, locale, context_json, created_at_ms)
            VALUES ($number, 'open', $priority, $override, $reason, $channel, $conversation, $flow, $version, $remaining,
                $summary, $error, $product, $os, $locale, $context, $created)
            RETURNING {TicketColumns};
            """;
        insert.Parameters.AddWithValue("$number", number);
        insert.Parameters.AddWithValue("$priority", (int)row.Priority);
        insert.Parameters.AddWithValue("$override", Db(masked.PriorityOverride is { } o ? (int)o : null));
        insert.Parameters.AddWithValue("$reason", masked.Reason);
        insert.Parameters.AddWithValue("$channel", masked.ChannelId);
        insert.Parameters.AddWithValue("$conversation", row.ConversationId);
        insert.Parameters.AddWithValue("$flow", Db(masked.FlowId));
        insert.Parameters.AddWithValue("$version", Db(masked.FlowVersion));
        insert.Parameters.AddWithValue("$remaining", Db(masked.RemainingDays));
        insert.Parameters.AddWithValue("$summary", row.Summary);
        insert.Parameters.AddWithValue("$error", Db(masked.ErrorText));
        insert.Parameters.AddWithValue("$product", Db(masked.ProductVersion));
        insert.Parameters.AddWithValue("$os", Db(masked.OperatingSystem));
        insert.Parameters.AddWithValue("$locale", Db(masked.Locale));
        insert.Parameters.AddWithValue("$context", row.ContextJson);
        insert.Parameters.AddWithValue("$created", ToMs(now));
        Ticket ticket;
        using (var reader = insert.ExecuteReader())
        {
            reader.Read();
            ticket = ReadTicket(reader);
        }

        InsertEvent(connection, transaction, ticket.Id, now, TicketEventKinds.Created, "bot", masked.Reason);
        if (webhookPayload is not null)
        {
            SqliteWebhookOutbox.Insert(connection, transaction, ticket.Id, "ticket.created", webhookPayload(ticket), now);
        }
        transaction.Commit();
        return Task.FromResult(ticket);
    }

    /// <inheritdoc />
    public Task<Ticket?> GetAsync(string number, CancellationToken cancellationToken = default)
    {
        using var connection = _database.OpenConnection();
        return Task.FromResult(GetByNumber(connection, null, number));
    }

    /// <inheritdoc />
    public Task<Ticket?> FindLatestByConversationAsync(string conversationId, IReadOnlyList<TicketStatus> statuses, CancellationToken cancellationToken = default)
    {
        using var connection = _database.OpenConnection();
        using var command = connection.CreateCommand();
        var names = statuses.Select((s, i) => $"$s{i}").ToList();
        command.CommandText = $"""
            SELECT {TicketColumns} FROM helpdesk_ticket
            WHERE conversation_id = $conversation AND status IN ({string.Join(", ", names)})
            ORDER BY id DESC LIMIT 1;
            """;
        command.Parameters.AddWithValue("$conversation", conversationId);
        for (var i = 0; i < statuses.Count; i++)
        {
            command.Parameters.AddWithValue(names[i], StatusText(statuses[i]));
        }
        using var reader = command.ExecuteReader();
        return Task.FromResult(reader.Read() ? ReadTicket(reader) : null);
    }

    private static long NextSequence(SqliteConnection connection, SqliteTransaction transaction, string dayKey)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO helpdesk_ticket_counter (day, last) VALUES ($day, 1)
            ON CONFLICT (day) DO UPDATE SET last = last + 1
            RETURNING last;
            """;
        command.Parameters.AddWithValue("$day", dayKey);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Ticket? GetByNumber(SqliteConnection connection, SqliteTransaction? transaction, string number)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {TicketColumns} FROM helpdesk_ticket WHERE number = $number;";
        command.Parameters.AddWithValue("$number", number);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadTicket(reader) : null;
    }

    private static TicketEvent InsertEvent(SqliteConnection connection, SqliteTransaction? transaction, long ticketId, DateTimeOffset at, string kind, string author, string? text)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO helpdesk_ticket_event (ticket_id, at_ms, kind, author, text) VALUES ($t, $at, $kind, $author, $text)
            RETURNING id, ticket_id, at_ms, kind, author, text;
            """;
        command.Parameters.AddWithValue("$t", ticketId);
        command.Parameters.AddWithValue("$at", ToMs(at));
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$author", author);
        command.Parameters.AddWithValue("$text", Db(Masking.Masking.Mask(text)));
        using var reader = command.ExecuteReader();
        reader.Read();
        return ReadEvent(reader);
    }
}
