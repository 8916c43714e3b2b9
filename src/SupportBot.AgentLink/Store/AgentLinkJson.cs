using System.Text.Json;
using System.Text.Json.Serialization;
using SupportBot.Agent.Contracts;
using SupportBot.Schema;

namespace SupportBot.AgentLink.Store;

/// <summary>Source-generated JSON for what the store keeps besides the wire types.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class AgentLinkJsonContext : JsonSerializerContext;

/// <summary>Serialisation helpers for stored columns.</summary>
internal static class AgentLinkJson
{
    public static string Parameters(IReadOnlyDictionary<string, string> parameters) =>
        JsonSerializer.Serialize(new Dictionary<string, string>(parameters), AgentLinkJsonContext.Default.DictionaryStringString);

    public static Dictionary<string, string> Parameters(string json) =>
        JsonSerializer.Deserialize(json, AgentLinkJsonContext.Default.DictionaryStringString) ?? [];

    public static string Result(CheckResult result) => JsonSerializer.Serialize(result, AgentJsonContext.Default.CheckResult);

    public static CheckResult? Result(string json) => JsonSerializer.Deserialize(json, AgentJsonContext.Default.CheckResult);

    // The reference uses the Bot Framework JSON shape (Schema's own options), so the host reads it back unchanged.
    public static string Reference(ConversationReference reference) => BotJson.ToElement(reference).GetRawText();

    public static ConversationReference Reference(string json) =>
        BotJson.FromElement<ConversationReference>(JsonDocument.Parse(json).RootElement.Clone()) ?? new ConversationReference();

    // The wire names are the lower-case enum names ("pass", "timeout", ...).
    public static string Status(CheckStatus status) => status.ToString().ToLowerInvariant();
}
