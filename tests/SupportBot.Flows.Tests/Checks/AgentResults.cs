using System.Text.Json;
using SupportBot.Agent.Contracts;

namespace SupportBot.Flows.Tests.Checks;

/// <summary>Builds the <c>agent.result</c> values the helper sends, as JSON on the wire.</summary>
internal static class AgentResults
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);

    public static JsonElement Json(string jobId, string kind, CheckStatus status, params (string Name, FactValue Value)[] facts)
    {
        var result = new CheckResult(jobId, kind, status, facts.ToDictionary(f => f.Name, f => f.Value), [], new CheckTimings(At, At, new Dictionary<string, double>()));
        return JsonSerializer.SerializeToElement(result, AgentJsonContext.Default.CheckResult);
    }
}
