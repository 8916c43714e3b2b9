namespace SupportBot.Server.Agent;

/// <summary>The host's own settings of the PC helper link (same configuration section as the link: <c>AgentLink</c>).</summary>
public sealed class AgentHostOptions
{
    /// <summary>
    /// The address of this server as the user's PC reaches it (e.g. <c>https://support.example.com</c>): shown in the
    /// helper's command (<c>--server</c>) and in the download link. Empty = the first address the host listens on.
    /// </summary>
    public string? PublicUrl { get; set; }
}
