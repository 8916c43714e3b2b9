using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Agent.Contracts;

/// <summary>Source-generated System.Text.Json metadata for every wire type (camelCase, web defaults).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PairRequest))]
[JsonSerializable(typeof(PairResponse))]
[JsonSerializable(typeof(JobPollResponse))]
[JsonSerializable(typeof(CheckRequest))]
[JsonSerializable(typeof(CheckResult))]
[JsonSerializable(typeof(AgentError))]
public sealed partial class AgentJsonContext : JsonSerializerContext;
