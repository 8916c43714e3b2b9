using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Builder.State;

/// <summary>
/// The persisted JSON document of one conversation (one row in <c>IConversationStateStore</c>):
/// <c>{"schema":1,"properties":{"DialogState":{...},...},"processedActivityIds":["...",...]}</c>.
/// </summary>
public sealed class ConversationStateDocument
{
    /// <summary>Current document schema version.</summary>
    public const int CurrentSchema = 1;

    /// <summary>Schema version of this document.</summary>
    public int Schema { get; set; } = CurrentSchema;

    /// <summary>State properties by name (see <see cref="ConversationState.CreateProperty{T}"/>), raw JSON.</summary>
    public Dictionary<string, JsonElement> Properties { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Ids of the last processed inbound activities, oldest first (redelivery detection).</summary>
    public List<string> ProcessedActivityIds { get; set; } = [];

    /// <summary>Fields written by a newer version; kept so they round-trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
