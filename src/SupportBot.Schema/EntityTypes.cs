namespace SupportBot.Schema;

/// <summary>Well-known values of <see cref="Entity.Type"/>.</summary>
public static class EntityTypes
{
    /// <summary>An @mention; see <see cref="Mention"/>.</summary>
    public const string Mention = "mention";
    /// <summary>Web Chat's first-activity capabilities entity.</summary>
    public const string ClientCapabilities = "ClientCapabilities";
    /// <summary>Teams/Web Chat client information (locale, country, platform, timezone).</summary>
    public const string ClientInfo = "clientInfo";
    /// <summary>Teams streaming information.</summary>
    public const string StreamInfo = "streaminfo";
}
