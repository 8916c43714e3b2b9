using System.Data.Common;
using System.Text.Json;
using SupportBot.Helpdesk.Masking;
using SupportBot.Helpdesk.Tickets;
using SupportBot.Schema;

namespace SupportBot.Helpdesk.Sqlite;

/// <summary>The parts of a ticket kept as one JSON document (read whole, never queried by column).</summary>
internal sealed record TicketContext(
    ConversationReference Conversation,
    IReadOnlyList<string> Path,
    IReadOnlyDictionary<string, string> Answers,
    IReadOnlyDictionary<string, string> Slots,
    IReadOnlyList<JsonElement> Checks,
    IReadOnlyList<string> Tried,
    IReadOnlyList<Activity> Transcript);

/// <summary>A masked draft plus the derived values of its row.</summary>
internal sealed record NewTicket(TicketDraft Masked, TicketPriority Priority, string Summary, string ConversationId, string ContextJson);

/// <summary>
/// Maps helpdesk table rows to <see cref="Ticket"/> and <see cref="TicketEvent"/>. Engine-neutral: the SQLite and
/// PostgreSQL stores keep the same columns (times as Unix milliseconds) and share this mapping.
/// </summary>
internal static class TicketRows
{
    public const string TicketColumns = """
        id, number, status, priority, priority_override, reason, channel_id, conversation_id, flow_id, flow_version,
        remaining_days, summary, error_text, product_version, os, locale, context_json, created_at_ms, claimed_at_ms,
        closed_at_ms, assignee, rating, rating_comment, timeout_notified
        """;

    public static string ContextJson(TicketDraft draft) => JsonSerializer.Serialize(
        new TicketContext(draft.Conversation, draft.Path, draft.Answers, draft.Slots, draft.Checks, draft.Tried, draft.Transcript),
        BotJson.Options);

    public static Ticket ReadTicket(DbDataReader r)
    {
        var context = JsonSerializer.Deserialize<TicketContext>(r.GetString(16), BotJson.Options)!;
        return new Ticket
        {
            Id = r.GetInt64(0),
            Number = r.GetString(1),
            Status = Enum.Parse<TicketStatus>(r.GetString(2), ignoreCase: true),
            Priority = (TicketPriority)r.GetInt32(3),
            PriorityOverride = r.IsDBNull(4) ? null : (TicketPriority)r.GetInt32(4),
            Reason = r.GetString(5),
            ChannelId = r.GetString(6),
            ConversationId = r.GetString(7),
            FlowId = NullableString(r, 8),
            FlowVersion = NullableString(r, 9),
            RemainingDays = r.IsDBNull(10) ? null : r.GetInt32(10),
            Summary = r.GetString(11),
            ErrorText = NullableString(r, 12),
            ProductVersion = NullableString(r, 13),
            OperatingSystem = NullableString(r, 14),
            Locale = NullableString(r, 15),
            Conversation = context.Conversation,
            Path = context.Path,
            Answers = context.Answers,
            Slots = context.Slots,
            Checks = context.Checks,
            Tried = context.Tried,
            Transcript = context.Transcript,
            CreatedAt = FromMs(r.GetInt64(17)),
            ClaimedAt = r.IsDBNull(18) ? null : FromMs(r.GetInt64(18)),
            ClosedAt = r.IsDBNull(19) ? null : FromMs(r.GetInt64(19)),
            Assignee = NullableString(r, 20),
            Rating = r.IsDBNull(21) ? null : r.GetInt32(21),
            RatingComment = NullableString(r, 22),
            ClaimTimeoutNotified = Convert.ToInt64(r.GetValue(23), System.Globalization.CultureInfo.InvariantCulture) != 0,
        };
    }

    public static TicketEvent ReadEvent(DbDataReader r) => new(
        r.GetInt64(0), r.GetInt64(1), FromMs(r.GetInt64(2)), r.GetString(3), r.GetString(4), NullableString(r, 5));

    /// <summary>A draft masked again and reduced to the values a new ticket row needs.</summary>
    public static NewTicket Prepare(TicketDraft draft)
    {
        var masked = TicketMasker.Mask(draft);
        var priority = PriorityPolicy.Derive(masked.RemainingDays, masked.PriorityOverride);
        var summary = masked.Summary ?? Masking.Masking.Mask(DefaultSummary(masked)) ?? "";
        var conversationId = masked.Conversation.Conversation?.Id
            ?? throw new ArgumentException("The conversation reference has no conversation id.", nameof(draft));
        return new NewTicket(masked, priority, summary, conversationId, ContextJson(masked));
    }

    public static string StatusText(TicketStatus status) => status.ToString().ToLowerInvariant();

    public static long ToMs(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    public static object Db(object? value) => value ?? DBNull.Value;

    private static string DefaultSummary(TicketDraft draft)
    {
        var what = draft.ErrorText ?? draft.Answers.Values.LastOrDefault() ?? "";
        var summary = string.IsNullOrEmpty(draft.FlowId) ? what : $"[{draft.FlowId}] {what}";
        return summary.Length > 200 ? summary[..200] : summary;
    }

    private static string? NullableString(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
