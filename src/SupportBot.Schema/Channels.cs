namespace SupportBot.Schema;

/// <summary>Well-known values of <see cref="Activity.ChannelId"/>.</summary>
public static class Channels
{
    /// <summary>Microsoft Teams.</summary>
    public const string Msteams = "msteams";
    /// <summary>Direct Line (including our own Direct Line server).</summary>
    public const string Directline = "directline";
    /// <summary>Azure's embedded Web Chat.</summary>
    public const string Webchat = "webchat";
    /// <summary>Bot Framework Emulator.</summary>
    public const string Emulator = "emulator";
    /// <summary>Direct Line Speech.</summary>
    public const string DirectlineSpeech = "directlinespeech";
    /// <summary>In-memory test adapters.</summary>
    public const string Test = "test";
}
