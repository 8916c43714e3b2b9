using System.Globalization;
using System.Text;
using SupportBot.Helpdesk.Tickets;
using static SupportBot.Helpdesk.Sqlite.TicketRows;

namespace SupportBot.Helpdesk.Sqlite;

/// <summary>Listing and searching: highest priority first, then oldest first (the order staff work in).</summary>
public sealed partial class SqliteTicketStore
{
    /// <inheritdoc />
    public Task<TicketPage> ListAsync(TicketQuery query, CancellationToken cancellationToken = default)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, 500);
        var page = Math.Max(0, query.Page);
        using var connection = _database.OpenConnection();
        using var command = connection.CreateCommand();
        var where = new StringBuilder("WHERE 1 = 1");
        if (query.Statuses.Count > 0)
        {
            var names = query.Statuses.Select((s, i) => $"$s{i}").ToList();
            where.Append(CultureInfo.InvariantCulture, $" AND status IN ({string.Join(", ", names)})");
            for (var i = 0; i < names.Count; i++)
            {
                command.Parameters.AddWithValue(names[i], StatusText(query.Statuses[i]));
            }
        }
        if (query.Priority is { } priority)
        {
            where.Append(" AND priority = $priority");
            command.Parameters.AddWithValue("$priority", (int)priority);
        }
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            // instr() instead of LIKE: no wildcard escaping, and it matches Japanese text as-is.
            where.Append("""
                 AND (instr(number, $text) > 0 OR instr(summary, $text) > 0 OR instr(COALESCE(error_text, ''), $text) > 0
                   OR instr(COALESCE(flow_id, ''), $text) > 0 OR instr(COALESCE(assignee, ''), $text) > 0
                   OR instr(context_json, $text) > 0)
                """);
            command.Parameters.AddWithValue("$text", query.Text.Trim());
        }
        if (query.CreatedFrom is { } from)
        {
            where.Append(" AND created_at_ms >= $from");
            command.Parameters.AddWithValue("$from", ToMs(from));
        }
        if (query.CreatedTo is { } to)
        {
            where.Append(" AND created_at_ms < $to");
            command.Parameters.AddWithValue("$to", ToMs(to));
        }
        command.CommandText = $"SELECT COUNT(*) FROM helpdesk_ticket {where};";
        var total = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);

        command.CommandText = $"""
            SELECT {TicketColumns} FROM helpdesk_ticket {where}
            ORDER BY priority DESC, created_at_ms, id LIMIT $limit OFFSET $offset;
            """;
        command.Parameters.AddWithValue("$limit", pageSize);
        command.Parameters.AddWithValue("$offset", (long)page * pageSize);
        var items = new List<Ticket>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                items.Add(ReadTicket(reader));
            }
        }
        return Task.FromResult(new TicketPage(items, total, page, pageSize));
    }
}
