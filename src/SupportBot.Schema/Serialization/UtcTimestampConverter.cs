using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Schema.Serialization;

/// <summary>
/// Writes a timestamp in UTC with a trailing <c>Z</c> (spec A2043); System.Text.Json would write <c>+00:00</c>.
/// </summary>
public sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => TimestampFormat.Read(ref reader);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        var utc = value.ToUniversalTime();
        var pattern = "yyyy-MM-dd'T'HH:mm:ss." + TimestampFormat.FractionPattern(utc) + "'Z'";
        Span<char> buffer = stackalloc char[40];
        if (utc.TryFormat(buffer, out var written, pattern, CultureInfo.InvariantCulture))
        {
            writer.WriteStringValue(buffer[..written]);
        }
        else
        {
            writer.WriteStringValue(utc.ToString(pattern, CultureInfo.InvariantCulture));
        }
    }
}
