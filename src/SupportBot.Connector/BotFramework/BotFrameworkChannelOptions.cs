namespace SupportBot.Connector.BotFramework;

/// <summary>Settings of the <c>/api/messages</c> endpoint and its background turn queue (section <c>BotFramework</c>).</summary>
public sealed class BotFrameworkChannelOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "BotFramework";

    /// <summary>Largest accepted request body in bytes (default 256 KiB; Teams messages stay under ~100 KB).</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>How many accepted activities may wait for their turn before the endpoint answers 503 (default 1000).</summary>
    public int QueueCapacity { get; set; } = 1000;

    /// <summary>Turns running or waiting on their conversation at once (default 64; turns are mostly I/O).</summary>
    public int MaxConcurrentTurns { get; set; } = 64;

    /// <summary>A turn slower than this gets a typing indicator (default 500 ms).</summary>
    public TimeSpan TypingDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Typing is repeated at this period while the turn runs (default 2.5 s; the spec allows one per 2–3 s).</summary>
    public TimeSpan TypingPeriod { get; set; } = TimeSpan.FromMilliseconds(2500);

    /// <summary>
    /// How long an instance holds the accepted activities it wrote to the inbox without renewing (PostgreSQL; default
    /// 30 s). A killed instance's activities are run by a survivor after at most this long (plus <see cref="InboxRecoveryPeriod"/>).
    /// </summary>
    public TimeSpan InboxLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the inbox is checked for abandoned entries and this instance's leases renewed (default 5 s, at most a third of the lease).</summary>
    public TimeSpan InboxRecoveryPeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Abandoned entries older than this are dropped with a warning instead of run (default 1 day: a reply that late helps nobody).</summary>
    public TimeSpan InboxMaxAge { get; set; } = TimeSpan.FromDays(1);

    /// <summary>An entry claimed more often than this after its holder died is dropped with an error (default 3: it may be what kills the process).</summary>
    public int InboxMaxClaims { get; set; } = 3;
}
