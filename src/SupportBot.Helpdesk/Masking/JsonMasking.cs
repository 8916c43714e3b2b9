using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Schema;

namespace SupportBot.Helpdesk.Masking;

/// <summary>Masks every string value inside JSON documents (check results, transcript activities).</summary>
public static class JsonMasking
{
    // Routing fields of an activity: ids and addresses, never user text. Masking them would break the reference.
    private static readonly HashSet<string> StructuralKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "type", "timestamp", "localTimestamp", "localTimezone", "serviceUrl", "channelId", "from", "recipient",
        "conversation", "replyToId", "relatesTo", "locale", "contentType", "inputHint", "textFormat", "name", "role",
        "aadObjectId", "tenantId", "callerId", "deliveryMode", "importance", "attachmentLayout", "valueType", "code",
    };

    /// <summary>A copy of <paramref name="element"/> with every string masked.</summary>
    public static JsonElement Mask(JsonElement element)
    {
        var node = JsonNode.Parse(element.GetRawText());
        return node is null ? element : JsonSerializer.SerializeToElement(MaskNode(node, skipStructural: false));
    }

    /// <summary>A copy of <paramref name="activity"/> whose text-bearing fields are masked (ids and addresses kept).</summary>
    public static Activity Mask(Activity activity)
    {
        var node = JsonNode.Parse(BotJson.Serialize(activity));
        if (node is null)
        {
            return activity;
        }
        return BotJson.DeserializeActivity(MaskNode(node, skipStructural: true).ToJsonString()) ?? activity;
    }

    private static JsonNode MaskNode(JsonNode node, bool skipStructural)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (child is null || (skipStructural && StructuralKeys.Contains(key)))
                    {
                        continue;
                    }
                    obj[key] = MaskNode(child.DeepClone(), skipStructural);
                }
                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } item)
                    {
                        array[i] = MaskNode(item.DeepClone(), skipStructural);
                    }
                }
                return array;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return JsonValue.Create(Masking.Mask(value.GetValue<string>()))!;
            default:
                return node;
        }
    }
}
