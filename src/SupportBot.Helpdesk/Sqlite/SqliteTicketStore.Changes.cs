using Microsoft.Data.Sqlite;
using SupportBot.Helpdesk.Tickets;
using static SupportBot.Helpdesk.Sqlite.TicketRows;

namespace SupportBot.Helpdesk.Sqlite;

/// <summary>State changes: each is one conditional UPDATE, so concurrent callers cannot both succeed.</summary>
public sealed partial class SqliteTicketStore
{
    /// <inheritdoc />
    public Task<TicketChangeResult> ClaimAsync(string number, string assignee, CancellationToken cancellationToken = default)
        => Task.FromResult(Change(number, """
            UPDATE helpdesk_ticket SET status = 'claimed', assignee = $actor, claimed_at_ms = $now
            WHERE number = $number AND status = 'open';
            """, assignee, TicketEventKinds.Claimed, note: null));

    /// <inheritdoc />
    public Task<TicketChangeResult> CloseAsync(string number, string actor, string? note = null, bool cancel = false, CancellationToken cancellationToken = default)
        => Task.FromResult(Change(number, $"""
            UPDATE helpdesk_ticket SET status = '{(cancel ? "cancelled" : "closed")}', closed_at_ms = $now
            WHERE number = $number AND status IN ('open', 'claimed');
            """, actor, cancel ? TicketEventKinds.Cancelled : TicketEventKinds.Closed, note));

    /// <inheritdoc />
    public Task<TicketChangeResult> RateAsync(string number, int rating, string? comment, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rating, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rating, 5);
        using var connection = _database.OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: false);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE helpdesk_ticket SET rating = $rating, rating_comment = $comment
            WHERE number = $number AND status = 'closed' AND rating IS NULL;
            """;
        command.Parameters.AddWithValue("$rating", rating);
        command.Parameters.AddWithValue("$comment", Db(Masking.Masking.Mask(comment)));
        command.Parameters.AddWithValue("$number", number);
        var changed = command.ExecuteNonQuery() == 1;
        var ticket = GetByNumber(connection, transaction, number);
        if (changed)
        {
            InsertEvent(connection, transaction, ticket!.Id, _time.GetUtcNow(), TicketEventKinds.Rated, "user", $"{rating} {comment}".Trim());
        }
        transaction.Commit();
        return Task.FromResult(Result(changed, ticket));
    }

    /// <inheritdoc />
    public Task<TicketEvent?> AppendEventAsync(string number, string kind, string author, string? text, CancellationToken cancellationToken = default)
    {
        using var connection = _database.OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: false);
        var ticket = GetByNumber(connection, transaction, number);
        var appended = ticket is null ? null : InsertEvent(connection, transaction, ticket.Id, _time.GetUtcNow(), kind, author, text);
        transaction.Commit();
        return Task.FromResult(appended);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TicketEvent>> GetEventsAsync(string number, long afterId = 0, CancellationToken cancellationToken = default)
    {
        using var connection = _database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT e.id, e.ticket_id, e.at_ms, e.kind, e.author, e.text FROM helpdesk_ticket_event e
            JOIN helpdesk_ticket t ON t.id = e.ticket_id
            WHERE t.number = $number AND e.id > $after ORDER BY e.id;
            """;
        command.Parameters.AddWithValue("$number", number);
        command.Parameters.AddWithValue("$after", afterId);
        using var reader = command.ExecuteReader();
        var events = new List<TicketEvent>();
        while (reader.Read())
        {
            events.Add(ReadEvent(reader));
        }
        return Task.FromResult<IReadOnlyList<TicketEvent>>(events);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Ticket>> TakeUnclaimedForNoticeAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken = default)
    {
        using var connection = _database.OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: false);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            UPDATE helpdesk_ticket SET timeout_notified = 1
            WHERE status = 'open' AND timeout_notified = 0 AND created_at_ms < $before
            RETURNING {TicketColumns};
            """;
        command.Parameters.AddWithValue("$before", ToMs(createdBefore));
        var tickets = new List<Ticket>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                tickets.Add(ReadTicket(reader));
            }
        }
        var now = _time.GetUtcNow();
        foreach (var ticket in tickets)
        {
            InsertEvent(connection, transaction, ticket.Id, now, TicketEventKinds.ClaimTimeoutNotice, "bot", null);
        }
        transaction.Commit();
        return Task.FromResult<IReadOnlyList<Ticket>>(tickets);
    }

    private TicketChangeResult Change(string number, string updateSql, string actor, string eventKind, string? note)
    {
        using var connection = _database.OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: false);
        var now = _time.GetUtcNow();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = updateSql;
        command.Parameters.AddWithValue("$actor", actor);
        command.Parameters.AddWithValue("$now", ToMs(now));
        command.Parameters.AddWithValue("$number", number);
        var changed = command.ExecuteNonQuery() == 1;
        var ticket = GetByNumber(connection, transaction, number);
        if (changed)
        {
            InsertEvent(connection, transaction, ticket!.Id, now, eventKind, actor, note);
        }
        transaction.Commit();
        return Result(changed, ticket);
    }

    private static TicketChangeResult Result(bool changed, Ticket? ticket) => new(
        changed ? TicketChangeOutcome.Done : ticket is null ? TicketChangeOutcome.NotFound : TicketChangeOutcome.Conflict,
        ticket);
}
