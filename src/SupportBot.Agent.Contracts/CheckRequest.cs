namespace SupportBot.Agent.Contracts;

/// <summary>One job for the agent: run check <paramref name="Kind"/> with <paramref name="Parameters"/>.</summary>
/// <param name="JobId">Server-chosen id, echoed in the result.</param>
/// <param name="Kind">One of <see cref="CheckKinds"/>.</param>
/// <param name="Parameters">Kind-specific string parameters (see the agent README).</param>
/// <param name="Deadline">When the server stops waiting, in server time (see <see cref="JobPollResponse.ServerTime"/>).</param>
/// <param name="ContractVersion">The contract version the server speaks.</param>
public sealed record CheckRequest(
    string JobId,
    string Kind,
    IReadOnlyDictionary<string, string> Parameters,
    DateTimeOffset Deadline,
    int ContractVersion = AgentContract.ContractVersion)
{
    /// <summary>A parameter value, or null when absent or blank.</summary>
    public string? Parameter(string name) =>
        // Null-tolerant: a server may omit "parameters" entirely for kinds that take none.
        Parameters?.TryGetValue(name, out var value) == true && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
