using System.Globalization;
using System.Text;
using SupportBot.Helpdesk.Tickets;

namespace SupportBot.Helpdesk.Api;

/// <summary>
/// Tickets as CSV for Excel: UTF-8 with a BOM (so Japanese shows correctly), RFC 4180 quoting, CRLF
/// line ends, and cells that start like a formula prefixed with an apostrophe (CSV injection).
/// </summary>
public static class TicketCsv
{
    /// <summary>The header row's columns.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "number", "status", "priority", "created_at", "claimed_at", "closed_at", "assignee", "channel", "flow_id", "flow_version",
        "path", "remaining_days", "product_version", "os", "error_text", "summary", "tried", "answers", "rating", "rating_comment",
    ];

    /// <summary>The whole file, BOM included.</summary>
    public static byte[] Write(IEnumerable<Ticket> tickets, TimeZoneInfo zone)
    {
        var text = new StringBuilder();
        AppendRow(text, Columns);
        foreach (var t in tickets)
        {
            AppendRow(text,
            [
                t.Number, t.Status.ToString().ToLowerInvariant(), t.Priority.ToString().ToLowerInvariant(), Time(t.CreatedAt, zone),
                Time(t.ClaimedAt, zone), Time(t.ClosedAt, zone), t.Assignee, t.ChannelId, t.FlowId, t.FlowVersion,
                string.Join(" > ", t.Path), t.RemainingDays?.ToString(CultureInfo.InvariantCulture), t.ProductVersion, t.OperatingSystem,
                t.ErrorText, t.Summary, string.Join(" / ", t.Tried), string.Join("; ", t.Answers.Select(a => $"{a.Key}={a.Value}")),
                t.Rating?.ToString(CultureInfo.InvariantCulture), t.RatingComment,
            ]);
        }
        var preamble = Encoding.UTF8.GetPreamble();
        var body = Encoding.UTF8.GetBytes(text.ToString());
        return [.. preamble, .. body];
    }

    /// <summary>One cell, quoted when needed.</summary>
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static void AppendRow(StringBuilder text, IEnumerable<string?> cells)
    {
        text.AppendJoin(',', cells.Select(Escape));
        text.Append("\r\n");
    }

    private static string? Time(DateTimeOffset? at, TimeZoneInfo zone)
        => at is { } value ? TimeZoneInfo.ConvertTime(value, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : null;
}
