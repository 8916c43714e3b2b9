using System.Globalization;

namespace SupportBot.Helpdesk.Tickets;

/// <summary>
/// Formats ticket numbers like <c>SB-20261123-0042</c>: a prefix, the day in the helpdesk's time zone
/// and a sequence that restarts every day (the store allocates it atomically).
/// </summary>
public sealed class TicketNumbering
{
    /// <summary>Creates numbering with <paramref name="prefix"/> and days counted in <paramref name="timeZone"/>.</summary>
    public TicketNumbering(string prefix = "SB", TimeZoneInfo? timeZone = null)
    {
        Prefix = prefix;
        TimeZone = timeZone ?? TimeZoneInfo.Utc;
    }

    /// <summary>The prefix before the date.</summary>
    public string Prefix { get; }

    /// <summary>The zone whose calendar day the number carries (users read the date as theirs).</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>The counter key for the day <paramref name="at"/> falls on, e.g. <c>20261123</c>.</summary>
    public string DayKey(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, TimeZone).ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>The number for sequence <paramref name="sequence"/> on <paramref name="dayKey"/>.</summary>
    public string Format(string dayKey, long sequence) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{dayKey}-{sequence:0000}");

    /// <summary>Finds a zone by IANA/Windows id, falling back to UTC when the machine does not know it.</summary>
    public static TimeZoneInfo FindZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return TimeZoneInfo.Utc;
        }
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
    }
}
