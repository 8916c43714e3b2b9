namespace SupportBot.Agent.Configuration;

/// <summary>The agent's configuration (appsettings.json next to the program, or <c>--config path</c>). Settable so omitted JSON keys keep these defaults.</summary>
public sealed record AgentOptions
{
    /// <summary>Leave when no job arrived for this long.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Hard limit for one check, whatever deadline the server gives.</summary>
    public TimeSpan CheckTimeLimit { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Seconds the agent asks the server to hold a long-poll open.</summary>
    public int PollWaitSeconds { get; set; } = 25;

    /// <summary>A <c>.reg</c> export used instead of the live registry (non-Windows machines and tests).</summary>
    public string? RegistryExportFile { get; set; }

    /// <summary>What the agent may look at. Jobs outside it are refused.</summary>
    public AllowListOptions AllowList { get; set; } = AllowListOptions.PassageDefaults();
}
