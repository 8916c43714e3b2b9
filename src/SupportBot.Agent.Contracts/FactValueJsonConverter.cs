using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Agent.Contracts;

/// <summary>Writes a <see cref="FactValue"/> as a plain JSON value and reads it back.</summary>
/// <remarks>A string in exact ISO 8601 round-trip form ("O") reads back as a date; any other string as text.</remarks>
public sealed class FactValueJsonConverter : JsonConverter<FactValue>
{
    /// <inheritdoc />
    public override FactValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True: return FactValue.Of(true);
            case JsonTokenType.False: return FactValue.Of(false);
            case JsonTokenType.Number: return FactValue.Of(reader.GetDouble());
            case JsonTokenType.String:
                var text = reader.GetString() ?? "";
                return DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date)
                    ? FactValue.Of(date)
                    : FactValue.Of(text);
            default:
                throw new JsonException($"A fact value must be a string, boolean or number, not {reader.TokenType}.");
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, FactValue value, JsonSerializerOptions options)
    {
        switch (value.Kind)
        {
            case FactKind.Bool: writer.WriteBooleanValue(value.Flag); break;
            case FactKind.Number: writer.WriteNumberValue(value.Number); break;
            case FactKind.Date: writer.WriteStringValue(value.Date.ToString("O", CultureInfo.InvariantCulture)); break;
            default: writer.WriteStringValue(value.Text); break;
        }
    }
}
