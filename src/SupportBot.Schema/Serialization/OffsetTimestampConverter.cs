using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Schema.Serialization;

/// <summary>Writes a timestamp with its original offset (for <c>localTimestamp</c>, which must not be normalised to UTC).</summary>
public sealed class OffsetTimestampConverter : JsonConverter<DateTimeOffset>
{
    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => TimestampFormat.Read(ref reader);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        var pattern = "yyyy-MM-dd'T'HH:mm:ss." + TimestampFormat.FractionPattern(value) + "zzz";
        Span<char> buffer = stackalloc char[40];
        if (value.TryFormat(buffer, out var written, pattern, CultureInfo.InvariantCulture))
        {
            writer.WriteStringValue(buffer[..written]);
        }
        else
        {
            writer.WriteStringValue(value.ToString(pattern, CultureInfo.InvariantCulture));
        }
    }
}
