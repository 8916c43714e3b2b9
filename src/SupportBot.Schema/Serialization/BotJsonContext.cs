using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Schema.Serialization;

/// <summary>
/// Source-generated metadata for the schema types (no reflection on the hot path).
/// Use <see cref="BotJson.Options"/> rather than this context directly: it adds the empty-array rule and the encoder.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(IList<Activity>))]
[JsonSerializable(typeof(List<Activity>))]
[JsonSerializable(typeof(Activity[]))]
[JsonSerializable(typeof(ConversationReference))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(Mention))]
[JsonSerializable(typeof(Entity))]
[JsonSerializable(typeof(Attachment))]
[JsonSerializable(typeof(CardAction))]
[JsonSerializable(typeof(SuggestedActions))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(string))]
public sealed partial class BotJsonContext : JsonSerializerContext
{
}
