using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Schema;

/// <summary>Everything needed to send into a conversation later (proactive messages, handoff <c>relatesTo</c>).</summary>
public class ConversationReference
{
    /// <summary>Id of the activity referenced (the one to reply to), if any.</summary>
    public string? ActivityId { get; set; }

    /// <summary>The user in the conversation.</summary>
    public ChannelAccount? User { get; set; }

    /// <summary>The bot in the conversation.</summary>
    public ChannelAccount? Bot { get; set; }

    /// <summary>The conversation.</summary>
    public ConversationAccount? Conversation { get; set; }

    /// <summary>Channel id, e.g. <see cref="Channels.Msteams"/>.</summary>
    public string? ChannelId { get; set; }

    /// <summary>Locale of the conversation.</summary>
    public string? Locale { get; set; }

    /// <summary>Where replies go (store the exact value; it is regional).</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>Fields this model does not know; kept so they round-trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
