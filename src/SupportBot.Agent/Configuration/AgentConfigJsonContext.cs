using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Agent.Configuration;

/// <summary>Source-generated JSON metadata for the configuration file (camelCase, comments allowed).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(AgentOptions))]
internal sealed partial class AgentConfigJsonContext : JsonSerializerContext;
