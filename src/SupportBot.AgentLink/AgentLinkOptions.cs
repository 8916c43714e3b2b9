using System.ComponentModel.DataAnnotations;

namespace SupportBot.AgentLink;

/// <summary>Settings of the agent link (configuration section <c>AgentLink</c>).</summary>
public sealed class AgentLinkOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "AgentLink";

    /// <summary>
    /// HS256 key for agent tokens (at least 32 characters). When empty a random key is generated once and kept in
    /// <c>agentlink.key</c> next to the Direct Line secret in the data directory.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>The SQLite file. Default: <c>supportbot.db</c> under the data directory.</summary>
    public string? DatabasePath { get; set; }

    /// <summary>Where the helper program can be downloaded; empty = a page explaining how to get it.</summary>
    public string? DownloadUrl { get; set; }

    /// <summary>How long a pairing code stays valid. Default 10 minutes.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long an agent token stays valid. Default 2 hours.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "12:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Failed pairing attempts one client address may make before it is locked out. Default 5.</summary>
    [Range(1, 1000)]
    public int MaxFailedPairingsPerAddress { get; set; } = 5;

    /// <summary>Failed pairing attempts all clients together may make per window before pairing pauses. Default 100.</summary>
    [Range(1, 100_000)]
    public int MaxFailedPairingsTotal { get; set; } = 100;

    /// <summary>The window (and lock-out) for the pairing attempt counters. Default 15 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PairingLockout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Longest long-poll hold in seconds, whatever the agent asks for. Default 30.</summary>
    [Range(0, 120)]
    public int MaxWaitSeconds { get; set; } = 30;

    /// <summary>How often a waiting long-poll re-reads the store (jobs enqueued by another instance). Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan StorePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Time an agent gets for a job when the dispatcher names none. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan DefaultJobTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An agent that has not polled for this long no longer counts as paired. Default 90 s.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan PresenceWindow { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Largest accepted body of a pairing request or a result, in bytes. Default 64 KB.</summary>
    [Range(1024, 1024 * 1024)]
    public int MaxResultBytes { get; set; } = 64 * 1024;

    /// <summary>How often expired jobs are swept and reported as <c>timeout</c>. Default 2 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan ExpirySweepInterval { get; set; } = TimeSpan.FromSeconds(2);
}
