using System.ComponentModel.DataAnnotations;

namespace SupportBot.Connector.DirectLine;

/// <summary>Settings of the self-hosted Direct Line 3.0 service (configuration section <c>DirectLine</c>).</summary>
public sealed class DirectLineOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "DirectLine";

    /// <summary>
    /// The Direct Line secret: signs tokens and authenticates trusted back ends. When unset, the host
    /// generates one once and keeps it in the data directory so restarts keep tokens valid.
    /// </summary>
    [MinLength(32)]
    public string? Secret { get; set; }

    /// <summary>Lifetime of issued tokens. Default 30 minutes (what Web Chat expects).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Idle interval after which the stream sends an empty keep-alive frame. Default 15 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:05:00")]
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Largest accepted activity body in bytes. Default 256 KB (Azure's limit).</summary>
    [Range(1024, 4 * 1024 * 1024)]
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>Longest accepted <c>text</c> of a posted activity, in characters. Default 4000.</summary>
    [Range(1, 200_000)]
    public int MaxTextLength { get; set; } = 4000;

    /// <summary>The bot's channel account id as clients see it.</summary>
    [Required]
    public string BotId { get; set; } = "supportbot";

    /// <summary>The bot's display name.</summary>
    [Required]
    public string BotName { get; set; } = "SupportBot";

    /// <summary>Origins allowed to call the Direct Line API from a browser; empty = any origin (bearer auth, no cookies).</summary>
    public string[] AllowedOrigins { get; set; } = [];
}
