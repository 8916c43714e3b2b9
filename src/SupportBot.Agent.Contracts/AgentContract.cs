namespace SupportBot.Agent.Contracts;

/// <summary>Version and routes of the agent HTTP contract (see README.md in this project).</summary>
public static class AgentContract
{
    /// <summary>The contract version carried by every request and result; bump on breaking changes.</summary>
    public const int ContractVersion = 1;

    /// <summary>Pairing: POST <see cref="PairRequest"/>, answers <see cref="PairResponse"/>.</summary>
    public const string PairPath = "/api/agent/pair";

    /// <summary>Long-poll for jobs: GET with <c>?wait=seconds</c>; 200 with jobs, 204 none, 410 conversation ended.</summary>
    public const string JobsPath = "/api/agent/jobs";

    /// <summary>Post one <see cref="CheckResult"/>.</summary>
    public const string ResultsPath = "/api/agent/results";

    /// <summary>The longest long-poll wait (seconds) an agent asks for.</summary>
    public const int DefaultWaitSeconds = 25;
}
