using System.ComponentModel.DataAnnotations;

namespace SupportBot.Server.DirectLine;

/// <summary>Rate limit of the widget's token endpoint <c>POST /api/directline/token</c> (section <c>SupportBot:TokenRateLimit</c>).</summary>
public sealed class PublicTokenOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "SupportBot:TokenRateLimit";

    /// <summary>Tokens one client address may get per <see cref="Window"/>. Default 10.</summary>
    [Range(1, 100_000)]
    public int PermitLimit { get; set; } = 10;

    /// <summary>The fixed window the limit applies to. Default 1 minute.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
