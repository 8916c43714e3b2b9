namespace SupportBot.Agent.Contracts;

/// <summary>Body of <c>POST /api/agent/pair</c>.</summary>
/// <param name="Code">The one-time code the bot showed the user.</param>
/// <param name="AgentVersion">The agent's version, e.g. <c>1.0.0</c>.</param>
/// <param name="Os">A short OS description (no user or machine names).</param>
/// <param name="ContractVersion">The contract version the agent speaks.</param>
public sealed record PairRequest(
    string Code,
    string AgentVersion,
    string Os,
    int ContractVersion = AgentContract.ContractVersion);

/// <summary>Answer to a successful pairing. The conversation id is deliberately not revealed.</summary>
/// <param name="AgentToken">Bearer token for the jobs and results routes, scoped to one conversation.</param>
/// <param name="PollUrl">Absolute or server-relative URL to long-poll for jobs.</param>
/// <param name="ResultUrl">Absolute or server-relative URL to post results to.</param>
/// <param name="ExpiresAt">When the token stops working.</param>
/// <param name="ContractVersion">The contract version the server speaks.</param>
public sealed record PairResponse(
    string AgentToken,
    string PollUrl,
    string ResultUrl,
    DateTimeOffset ExpiresAt,
    int ContractVersion = AgentContract.ContractVersion);

/// <summary>Body of a 200 answer to <c>GET /api/agent/jobs</c>.</summary>
/// <param name="Jobs">Jobs to run, in order.</param>
/// <param name="ServerTime">The server clock when it answered, so deadlines survive a skewed PC clock.</param>
/// <param name="ContractVersion">The contract version the server speaks.</param>
public sealed record JobPollResponse(
    IReadOnlyList<CheckRequest> Jobs,
    DateTimeOffset? ServerTime = null,
    int ContractVersion = AgentContract.ContractVersion);

/// <summary>Error body the server may send with 4xx answers (optional; agents only need the status code).</summary>
/// <param name="Error">A short machine-readable code, e.g. <c>invalid_code</c>, <c>expired</c>, <c>locked</c>.</param>
/// <param name="Message">A human-readable explanation.</param>
public sealed record AgentError(string Error, string? Message = null);
