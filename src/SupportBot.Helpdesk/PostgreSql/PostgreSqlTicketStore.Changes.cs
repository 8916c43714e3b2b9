using Npgsql;
using SupportBot.Helpdesk.Tickets;
using static SupportBot.Helpdesk.Sqlite.TicketRows;

namespace SupportBot.Helpdesk.PostgreSql;

/// <summary>
/// State changes: each is one conditional UPDATE. Under READ COMMITTED a second updater waits for the first's row
/// lock and then re-checks the condition, so of two instances claiming at once exactly one succeeds.
/// </summary>
public sealed partial class PostgreSqlTicketStore
{
    /// <inheritdoc />
    public Task<TicketChangeResult> ClaimAsync(string number, string assignee, CancellationToken cancellationToken = default)
        => ChangeAsync(number, """
            UPDATE helpdesk_ticket SET status = 'claimed', assignee = @actor, claimed_at_ms = @now
            WHERE number = @number AND status = 'open';
            """, assignee, TicketEventKinds.Claimed, note: null, cancellationToken);

    /// <inheritdoc />
    public Task<TicketChangeResult> CloseAsync(string number, string actor, string? note = null, bool cancel = false, CancellationToken cancellationToken = default)
        => ChangeAsync(number, $"""
            UPDATE helpdesk_ticket SET status = '{(cancel ? "cancelled" : "closed")}', closed_at_ms = @now
            WHERE number = @number AND status IN ('open', 'claimed');
            """, actor, cancel ? TicketEventKinds.Cancelled : TicketEventKinds.Closed, note, cancellationToken);

    /// <inheritdoc />
    public async Task<TicketChangeResult> RateAsync(string number, int rating, string? comment, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rating, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rating, 5);
        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("""
            UPDATE helpdesk_ticket SET rating = @rating, rating_comment = @comment
            WHERE number = @number AND status = 'closed' AND rating IS NULL;
            """, connection, transaction);
        command.Parameters.AddWithValue("rating", rating);
        command.Parameters.Add(TypedParameter.Nullable("comment", Masking.Masking.Mask(comment)));
        command.Parameters.AddWithValue("number", number);
        var changed = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        var ticket = await GetByNumberAsync(connection, transaction, number, cancellationToken).ConfigureAwait(false);
        if (changed)
        {
            await InsertEventAsync(connection, transaction, ticket!.Id, _time.GetUtcNow(), TicketEventKinds.Rated, "user",
                $"{rating} {comment}".Trim(), cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return Result(changed, ticket);
    }

    /// <inheritdoc />
    public async Task<TicketEvent?> AppendEventAsync(string number, string kind, string author, string? text, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var ticket = await GetByNumberAsync(connection, transaction, number, cancellationToken).ConfigureAwait(false);
        var appended = ticket is null
            ? null
            : await InsertEventAsync(connection, transaction, ticket.Id, _time.GetUtcNow(), kind, author, text, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return appended;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TicketEvent>> GetEventsAsync(string number, long afterId = 0, CancellationToken cancellationToken = default)
    {
        await using var command = _database.DataSource.CreateCommand("""
            SELECT e.id, e.ticket_id, e.at_ms, e.kind, e.author, e.text FROM helpdesk_ticket_event e
            JOIN helpdesk_ticket t ON t.id = e.ticket_id
            WHERE t.number = @number AND e.id > @after ORDER BY e.id;
            """);
        command.Parameters.AddWithValue("number", number);
        command.Parameters.AddWithValue("after", afterId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var events = new List<TicketEvent>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(ReadEvent(reader));
        }
        return events;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Ticket>> TakeUnclaimedForNoticeAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var tickets = new List<Ticket>();
        await using (var command = new NpgsqlCommand($"""
            UPDATE helpdesk_ticket SET timeout_notified = 1
            WHERE status = 'open' AND timeout_notified = 0 AND created_at_ms < @before
            RETURNING {TicketColumns};
            """, connection, transaction))
        {
            command.Parameters.AddWithValue("before", ToMs(createdBefore));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                tickets.Add(ReadTicket(reader));
            }
        }
        var now = _time.GetUtcNow();
        foreach (var ticket in tickets)
        {
            await InsertEventAsync(connection, transaction, ticket.Id, now, TicketEventKinds.ClaimTimeoutNotice, "bot", null, cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return tickets;
    }

    private async Task<TicketChangeResult> ChangeAsync(string number, string updateSql, string actor, string eventKind, string? note, CancellationToken cancellationToken)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        await using var command = new NpgsqlCommand(updateSql, connection, transaction);
        command.Parameters.AddWithValue("actor", actor);
        command.Parameters.AddWithValue("now", ToMs(now));
        command.Parameters.AddWithValue("number", number);
        var changed = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        var ticket = await GetByNumberAsync(connection, transaction, number, cancellationToken).ConfigureAwait(false);
        if (changed)
        {
            await InsertEventAsync(connection, transaction, ticket!.Id, now, eventKind, actor, note, cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return Result(changed, ticket);
    }

    private static TicketChangeResult Result(bool changed, Ticket? ticket) => new(
        changed ? TicketChangeOutcome.Done : ticket is null ? TicketChangeOutcome.NotFound : TicketChangeOutcome.Conflict,
        ticket);
}
