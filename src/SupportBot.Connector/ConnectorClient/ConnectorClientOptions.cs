namespace SupportBot.Connector.ConnectorClient;

/// <summary>Outbound Bot Connector behaviour (configuration section <c>Connector</c>).</summary>
public sealed class ConnectorClientOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Connector";

    /// <summary>Retries after the first attempt for 429/412/500/502/503/504 and transport errors.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff delay (exponential with jitter afterwards); Teams' guidance uses 2 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest backoff delay.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Longest <c>Retry-After</c> honoured; a longer one fails the send instead of stalling the conversation.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Timeout of one HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Writes per conversation per second (Teams allows 7 per bot per thread).</summary>
    public int PerConversationPerSecond { get; set; } = 7;

    /// <summary>Writes per conversation per 30 seconds (Teams allows 60).</summary>
    public int PerConversationPer30Seconds { get; set; } = 60;
}
