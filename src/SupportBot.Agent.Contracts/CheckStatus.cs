using System.Text.Json.Serialization;

namespace SupportBot.Agent.Contracts;

/// <summary>How a check ended. Serialised as the lower-case names shown.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CheckStatus>))]
public enum CheckStatus
{
    /// <summary>The check ran and what it looked for is fine ("pass").</summary>
    [JsonStringEnumMemberName("pass")] Pass,

    /// <summary>The check ran and found a problem ("fail"); the facts say which.</summary>
    [JsonStringEnumMemberName("fail")] Fail,

    /// <summary>The check could not run properly, e.g. a missing parameter ("error").</summary>
    [JsonStringEnumMemberName("error")] Error,

    /// <summary>The agent does not know this kind or contract version ("unsupported").</summary>
    [JsonStringEnumMemberName("unsupported")] Unsupported,

    /// <summary>The job asked for something outside the agent's allow-list ("refused").</summary>
    [JsonStringEnumMemberName("refused")] Refused,

    /// <summary>The check's time limit or the job deadline passed first ("timeout").</summary>
    [JsonStringEnumMemberName("timeout")] Timeout,
}
