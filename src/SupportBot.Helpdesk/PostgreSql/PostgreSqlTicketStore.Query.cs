using System.Globalization;
using System.Text;
using SupportBot.Helpdesk.Tickets;
using static SupportBot.Helpdesk.Sqlite.TicketRows;

namespace SupportBot.Helpdesk.PostgreSql;

/// <summary>Listing and searching: highest priority first, then oldest first (the order staff work in).</summary>
public sealed partial class PostgreSqlTicketStore
{
    /// <inheritdoc />
    public async Task<TicketPage> ListAsync(TicketQuery query, CancellationToken cancellationToken = default)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, 500);
        var page = Math.Max(0, query.Page);
        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var where = new StringBuilder("WHERE TRUE");
        if (query.Statuses.Count > 0)
        {
            where.Append(" AND status = ANY (@statuses)");
            command.Parameters.AddWithValue("statuses", query.Statuses.Select(StatusText).ToArray());
        }
        if (query.Priority is { } priority)
        {
            where.Append(" AND priority = @priority");
            command.Parameters.AddWithValue("priority", (int)priority);
        }
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            // strpos() instead of LIKE: no wildcard escaping, and it matches Japanese text as-is (like SQLite's instr()).
            where.Append("""
                 AND (strpos(number, @text) > 0 OR strpos(summary, @text) > 0 OR strpos(COALESCE(error_text, ''), @text) > 0
                   OR strpos(COALESCE(flow_id, ''), @text) > 0 OR strpos(COALESCE(assignee, ''), @text) > 0
                   OR strpos(context_json, @text) > 0)
                """);
            command.Parameters.AddWithValue("text", query.Text.Trim());
        }
        if (query.CreatedFrom is { } from)
        {
            where.Append(" AND created_at_ms >= @from");
            command.Parameters.AddWithValue("from", ToMs(from));
        }
        if (query.CreatedTo is { } to)
        {
            where.Append(" AND created_at_ms < @to");
            command.Parameters.AddWithValue("to", ToMs(to));
        }
        command.CommandText = $"SELECT COUNT(*) FROM helpdesk_ticket {where};";
        var total = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);

        command.CommandText = $"""
            SELECT {TicketColumns} FROM helpdesk_ticket {where}
            ORDER BY priority DESC, created_at_ms, id LIMIT @limit OFFSET @offset;
            """;
        command.Parameters.AddWithValue("limit", pageSize);
        command.Parameters.AddWithValue("offset", (long)page * pageSize);
        var items = new List<Ticket>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                items.Add(ReadTicket(reader));
            }
        }
        return new TicketPage(items, total, page, pageSize);
    }
}
