using Npgsql;
using SupportBot.Helpdesk.Tickets;
using static SupportBot.Helpdesk.Sqlite.TicketRows;

namespace SupportBot.Helpdesk.PostgreSql;

/// <summary>
/// PostgreSQL <see cref="ITicketStore"/>: creation and look-ups (changes and queries are in the other parts).
/// Several instances share it: numbers come from a per-day counter row (its row lock serialises allocators, so
/// numbers are unique and gap-free), and every state change is one conditional UPDATE that only one caller wins.
/// </summary>
public sealed partial class PostgreSqlTicketStore : ITicketStore
{
    private readonly HelpdeskPostgreSqlDatabase _database;
    private readonly TimeProvider _time;
    private readonly TicketNumbering _numbering;

    /// <summary>Creates the store over <paramref name="database"/>.</summary>
    public PostgreSqlTicketStore(HelpdeskPostgreSqlDatabase database, TimeProvider time, TicketNumbering numbering)
    {
        _database = database;
        _time = time;
        _numbering = numbering;
    }

    /// <inheritdoc />
    public async Task<Ticket> CreateAsync(TicketDraft draft, Func<Ticket, string>? webhookPayload = null, CancellationToken cancellationToken = default)
    {
        var row = Prepare(draft);
        var masked = row.Masked;
        var now = _time.GetUtcNow();

        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var dayKey = _numbering.DayKey(now);
        var number = _numbering.Format(dayKey, await NextSequenceAsync(connection, transaction, dayKey, cancellationToken).ConfigureAwait(false));

        await using var insert = new NpgsqlCommand($"""
            INSERT INTO helpdesk_ticket (number, status, priority, priority_override, reason, channel_id, conversation_id,
                flow_id, flow_version, remaining_days, summary, error_text, product_version, os, locale, context_json, created_at_ms)
            VALUES (@number, 'open', @priority, @override, @reason, @channel, @conversation, @flow, @version, @remaining,
                @summary, @error, @product, @os, @locale, @context, @created)
            RETURNING {TicketColumns};
            """, connection, transaction);
        insert.Parameters.AddWithValue("number", number);
        insert.Parameters.AddWithValue("priority", (int)row.Priority);
        insert.Parameters.Add(TypedParameter.Nullable("override", masked.PriorityOverride is { } o ? (int)o : null));
        insert.Parameters.AddWithValue("reason", masked.Reason);
        insert.Parameters.AddWithValue("channel", masked.ChannelId);
        insert.Parameters.AddWithValue("conversation", row.ConversationId);
        insert.Parameters.Add(TypedParameter.Nullable("flow", masked.FlowId));
        insert.Parameters.Add(TypedParameter.Nullable("version", masked.FlowVersion));
        insert.Parameters.Add(TypedParameter.Nullable("remaining", masked.RemainingDays));
        insert.Parameters.AddWithValue("summary", row.Summary);
        insert.Parameters.Add(TypedParameter.Nullable("error", masked.ErrorText));
        insert.Parameters.Add(TypedParameter.Nullable("product", masked.ProductVersion));
        insert.Parameters.Add(TypedParameter.Nullable("os", masked.OperatingSystem));
        insert.Parameters.Add(TypedParameter.Nullable("locale", masked.Locale));
        insert.Parameters.AddWithValue("context", row.ContextJson);
        insert.Parameters.AddWithValue("created", ToMs(now));
        Ticket ticket;
        await using (var reader = await insert.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            ticket = ReadTicket(reader);
        }

        await InsertEventAsync(connection, transaction, ticket.Id, now, TicketEventKinds.Created, "bot", masked.Reason, cancellationToken).ConfigureAwait(false);
        if (webhookPayload is not null)
        {
            await PostgreSqlWebhookOutbox.InsertAsync(connection, transaction, ticket.Id, "ticket.created", webhookPayload(ticket), now, cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ticket;
    }

    /// <inheritdoc />
    public async Task<Ticket?> GetAsync(string number, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await GetByNumberAsync(connection, null, number, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<Ticket?> FindLatestByConversationAsync(string conversationId, IReadOnlyList<TicketStatus> statuses, CancellationToken cancellationToken = default)
    {
        await using var command = _database.DataSource.CreateCommand($"""
            SELECT {TicketColumns} FROM helpdesk_ticket
            WHERE conversation_id = @conversation AND status = ANY (@statuses)
            ORDER BY id DESC LIMIT 1;
            """);
        command.Parameters.AddWithValue("conversation", conversationId);
        command.Parameters.AddWithValue("statuses", statuses.Select(StatusText).ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadTicket(reader) : null;
    }

    private static async Task<long> NextSequenceAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string dayKey, CancellationToken cancellationToken)
    {
        // The upsert locks the day's row until commit: a concurrent creator waits, then takes the next number;
        // a rolled-back creation gives its number back, so there are no gaps.
        await using var command = new NpgsqlCommand("""
            INSERT INTO helpdesk_ticket_counter AS c (day, last) VALUES (@day, 1)
            ON CONFLICT (day) DO UPDATE SET last = c.last + 1
            RETURNING last;
            """, connection, transaction);
        command.Parameters.AddWithValue("day", dayKey);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static async Task<Ticket?> GetByNumberAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string number, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT {TicketColumns} FROM helpdesk_ticket WHERE number = @number;", connection, transaction);
        command.Parameters.AddWithValue("number", number);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadTicket(reader) : null;
    }

    private static async Task<TicketEvent> InsertEventAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long ticketId, DateTimeOffset at,
        string kind, string author, string? text, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO helpdesk_ticket_event (ticket_id, at_ms, kind, author, text) VALUES (@t, @at, @kind, @author, @text)
            RETURNING id, ticket_id, at_ms, kind, author, text;
            """, connection, transaction);
        command.Parameters.AddWithValue("t", ticketId);
        command.Parameters.AddWithValue("at", ToMs(at));
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("author", author);
        command.Parameters.Add(TypedParameter.Nullable("text", Masking.Masking.Mask(text)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return ReadEvent(reader);
    }
}
