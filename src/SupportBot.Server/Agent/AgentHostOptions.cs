namespace SupportBot.Server.Agent;

/// <summary>The host's own settings of the PC helper link (same configuration section as the link: <c>AgentLink</c>).</summary>
public sealed class AgentHostOptions
{
    /// <summary>
    /// The address of this server as the user's PC reaches it (e.g. <c>https://support.example.com</c>): shown in the
    /// helper's command (<c>--server</c>) and in the download link. Empty = the first address the host listens on.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>
    /// URLs in flow checks to replace before a check is queued, e.g. the license server URL of the flows by an
    /// in-house mirror, or by a local stand-in when trying things out. The helper's own allow-list must name the
    /// replacement, or it refuses the check.
    /// </summary>
    public List<CheckUrlOverride> CheckUrlOverrides { get; set; } = [];
}

/// <summary>One URL replacement for flow checks: a <c>url</c> parameter starting with <see cref="From"/> starts with <see cref="To"/> instead.</summary>
public sealed class CheckUrlOverride
{
    /// <summary>The URL (prefix) the flows use, e.g. <c>https://passagelic.flexwp.yrl.com/</c>.</summary>
    public string From { get; set; } = "";

    /// <summary>What the helper probes instead, e.g. <c>http://127.0.0.1:8080/</c>.</summary>
    public string To { get; set; } = "";
}
