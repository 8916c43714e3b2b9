using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using SupportBot.Schema.Serialization;

namespace SupportBot.Schema;

/// <summary>
/// The one JSON configuration for the Bot Framework wire format: camelCase, case-insensitive reading,
/// nulls and empty arrays omitted, Japanese text unescaped, timestamps per spec. Schema types use
/// source-generated metadata; other types (dialog/state values) fall back to reflection.
/// </summary>
public static class BotJson
{
    /// <summary>Shared, read-only options; use them for every activity and state document.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Serialises an activity to a JSON string.</summary>
    public static string Serialize(Activity activity)
        => JsonSerializer.Serialize(activity, ActivityTypeInfo);

    /// <summary>Serialises an activity to UTF-8 bytes.</summary>
    public static byte[] SerializeToUtf8Bytes(Activity activity)
        => JsonSerializer.SerializeToUtf8Bytes(activity, ActivityTypeInfo);

    /// <summary>Reads an activity; throws <see cref="JsonException"/> on malformed JSON.</summary>
    public static Activity? DeserializeActivity(string json)
        => JsonSerializer.Deserialize(json, ActivityTypeInfo);

    /// <summary>Reads an activity from UTF-8 bytes.</summary>
    public static Activity? DeserializeActivity(ReadOnlySpan<byte> utf8Json)
        => JsonSerializer.Deserialize(utf8Json, ActivityTypeInfo);

    /// <summary>Converts any value to a detached <see cref="JsonElement"/> (for channelData, value, card content).</summary>
    public static JsonElement ToElement<T>(T value) => JsonSerializer.SerializeToElement(value, Options);

    /// <summary>Reads a <see cref="JsonElement"/> as <typeparamref name="T"/>.</summary>
    public static T? FromElement<T>(JsonElement element)
        => element.ValueKind is JsonValueKind.Undefined ? default : element.Deserialize<T>(Options);

    /// <summary>Metadata for <see cref="Activity"/> under <see cref="Options"/> (fast path for hot code).</summary>
    public static JsonTypeInfo<Activity> ActivityTypeInfo { get; } = (JsonTypeInfo<Activity>)Options.GetTypeInfo(typeof(Activity));

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(BotJsonContext.Default.Options)
        {
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
            TypeInfoResolver = JsonTypeInfoResolver
                .Combine(BotJsonContext.Default, new DefaultJsonTypeInfoResolver())
                .WithAddedModifier(OmitEmptyCollectionsModifier.Apply),
        };
        options.MakeReadOnly();
        return options;
    }
}
