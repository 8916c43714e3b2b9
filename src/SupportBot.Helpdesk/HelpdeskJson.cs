using System.Text.Json;
using System.Text.Json.Serialization;
using SupportBot.Schema;

namespace SupportBot.Helpdesk;

/// <summary>JSON for helpdesk documents: the Bot Framework settings plus enums as camelCase strings.</summary>
public static class HelpdeskJson
{
    /// <summary>Shared, read-only options (webhook bodies and API responses).</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(BotJson.Options);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly();
        return options;
    }
}
