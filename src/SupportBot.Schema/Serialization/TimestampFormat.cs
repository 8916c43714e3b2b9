using System.Globalization;
using System.Text.Json;

namespace SupportBot.Schema.Serialization;

/// <summary>Shared reading/formatting of ISO-8601 timestamps for the two timestamp converters.</summary>
internal static class TimestampFormat
{
    /// <summary>Reads an ISO-8601 string; lenient fallback for forms the fast reader rejects.</summary>
    public static DateTimeOffset Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected an ISO-8601 timestamp string, got {reader.TokenType}.");
        }

        if (reader.TryGetDateTimeOffset(out var value))
        {
            return value;
        }

        var text = reader.GetString();
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value))
        {
            return value;
        }

        throw new JsonException($"'{text}' is not an ISO-8601 timestamp.");
    }

    /// <summary>
    /// Milliseconds when the value has no finer precision (the form channels send, e.g. <c>09:00:03.120</c>),
    /// otherwise all seven digits so nothing is lost on round-trip.
    /// </summary>
    public static string FractionPattern(DateTimeOffset value)
        => value.Ticks % TimeSpan.TicksPerMillisecond == 0 ? "fff" : "fffffff";
}
