namespace SupportBot.Agent.Contracts;

/// <summary>What one job found. Never carries secrets: sensitive values are compared and masked.</summary>
/// <param name="JobId">The job's id.</param>
/// <param name="Kind">The job's kind.</param>
/// <param name="Status">How the check ended.</param>
/// <param name="Facts">Typed facts by name (see the agent README for each kind's fact names).</param>
/// <param name="Evidence">Human-readable lines showing what was measured.</param>
/// <param name="Timings">Start, finish and per-phase durations.</param>
/// <param name="Reason">Why the job was refused, unsupported, failed with an error or timed out; null otherwise.</param>
/// <param name="AgentVersion">Version of the agent that ran the check.</param>
/// <param name="ContractVersion">The contract version the agent speaks.</param>
public sealed record CheckResult(
    string JobId,
    string Kind,
    CheckStatus Status,
    IReadOnlyDictionary<string, FactValue> Facts,
    IReadOnlyList<string> Evidence,
    CheckTimings Timings,
    string? Reason = null,
    string? AgentVersion = null,
    int ContractVersion = AgentContract.ContractVersion);
