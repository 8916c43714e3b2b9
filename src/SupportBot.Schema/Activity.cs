using System.Text.Json;
using System.Text.Json.Serialization;
using SupportBot.Schema.Serialization;

namespace SupportBot.Schema;

/// <summary>
/// The Bot Framework Activity: one message, event or notification between a channel and a bot.
/// This file is the wire shape; behaviour (reply building, references, mentions) is in ActivityEx.cs.
/// Unknown fields round-trip through <see cref="Properties"/>; free-form fields stay raw JSON.
/// </summary>
public partial class Activity
{
    /// <summary>Creates an empty activity.</summary>
    public Activity()
    {
    }

    /// <summary>Creates an activity of the given type.</summary>
    public Activity(string type) => Type = type;

    /// <summary>One of <see cref="ActivityTypes"/> (unknown values are kept as-is).</summary>
    public string? Type { get; set; }

    /// <summary>Channel-assigned id; bots don't set it.</summary>
    public string? Id { get; set; }

    /// <summary>Authoritative UTC record time; written with a trailing <c>Z</c>.</summary>
    [JsonConverter(typeof(UtcTimestampConverter))]
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>Sender's local time; its original offset is preserved.</summary>
    [JsonConverter(typeof(OffsetTimestampConverter))]
    public DateTimeOffset? LocalTimestamp { get; set; }

    /// <summary>Sender's IANA time zone, e.g. <c>Asia/Tokyo</c>.</summary>
    public string? LocalTimezone { get; set; }

    /// <summary>Where replies go; set by the channel on every inbound activity.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>Channel id, see <see cref="Channels"/>.</summary>
    public string? ChannelId { get; set; }

    /// <summary>The sender.</summary>
    public ChannelAccount? From { get; set; }

    /// <summary>The conversation.</summary>
    public ConversationAccount? Conversation { get; set; }

    /// <summary>The receiver.</summary>
    public ChannelAccount? Recipient { get; set; }

    /// <summary>Format of <see cref="Text"/>, see <see cref="TextFormatTypes"/>.</summary>
    public string? TextFormat { get; set; }

    /// <summary>Layout of <see cref="Attachments"/>, see <see cref="AttachmentLayoutTypes"/>.</summary>
    public string? AttachmentLayout { get; set; }

    /// <summary>Members that joined (<c>conversationUpdate</c>).</summary>
    public IList<ChannelAccount>? MembersAdded { get; set; }

    /// <summary>Members that left (<c>conversationUpdate</c>).</summary>
    public IList<ChannelAccount>? MembersRemoved { get; set; }

    /// <summary>Reactions added (<c>messageReaction</c>), raw JSON.</summary>
    public JsonElement? ReactionsAdded { get; set; }

    /// <summary>Reactions removed (<c>messageReaction</c>), raw JSON.</summary>
    public JsonElement? ReactionsRemoved { get; set; }

    /// <summary>Updated conversation topic.</summary>
    public string? TopicName { get; set; }

    /// <summary>Whether prior history is disclosed to new members.</summary>
    public bool? HistoryDisclosed { get; set; }

    /// <summary>BCP-47 locale of the sender, e.g. <c>ja-JP</c>; never reject unknown values.</summary>
    public string? Locale { get; set; }

    /// <summary>Message text.</summary>
    public string? Text { get; set; }

    /// <summary>Text to speak (plain or SSML).</summary>
    public string? Speak { get; set; }

    /// <summary>Whether the bot waits for input, see <see cref="InputHints"/>.</summary>
    public string? InputHint { get; set; }

    /// <summary>Short summary for channels that can't render the content.</summary>
    public string? Summary { get; set; }

    /// <summary>Quick replies.</summary>
    public SuggestedActions? SuggestedActions { get; set; }

    /// <summary>Cards and files.</summary>
    public IList<Attachment>? Attachments { get; set; }

    /// <summary>Metadata entities (mention, ClientCapabilities, clientInfo, ...).</summary>
    public IList<Entity>? Entities { get; set; }

    /// <summary>Channel-specific payload (always a JSON object), raw JSON.</summary>
    public JsonElement? ChannelData { get; set; }

    /// <summary><c>add</c>/<c>remove</c> for contactRelationUpdate and installationUpdate.</summary>
    public string? Action { get; set; }

    /// <summary>Id of the activity this one answers.</summary>
    public string? ReplyToId { get; set; }

    /// <summary>Label (trace activities).</summary>
    public string? Label { get; set; }

    /// <summary>Type of <see cref="Value"/> (trace activities).</summary>
    public string? ValueType { get; set; }

    /// <summary>Payload of event/invoke/card submit, raw JSON.</summary>
    public JsonElement? Value { get; set; }

    /// <summary>Name of an event, invoke or command.</summary>
    public string? Name { get; set; }

    /// <summary>The conversation this activity relates to (handoff, skills).</summary>
    public ConversationReference? RelatesTo { get; set; }

    /// <summary>End-of-conversation code, see <see cref="EndOfConversationCodes"/>.</summary>
    public string? Code { get; set; }

    /// <summary>When the activity should be considered expired (UTC).</summary>
    [JsonConverter(typeof(UtcTimestampConverter))]
    public DateTimeOffset? Expiration { get; set; }

    /// <summary><c>low</c>, <c>normal</c> or <c>high</c>.</summary>
    public string? Importance { get; set; }

    /// <summary>How replies are delivered, see <see cref="DeliveryModes"/>.</summary>
    public string? DeliveryMode { get; set; }

    /// <summary>Phrases a speech recognizer should listen for.</summary>
    public IList<string>? ListenFor { get; set; }

    /// <summary>Highlighted fragments of the replied-to text, raw JSON.</summary>
    public JsonElement? TextHighlights { get; set; }

    /// <summary>Programmatic action accompanying the request, raw JSON.</summary>
    public JsonElement? SemanticAction { get; set; }

    /// <summary>Set by the receiving bot only (never trusted from the wire).</summary>
    public string? CallerId { get; set; }

    /// <summary>Fields this model does not know; kept so they round-trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
