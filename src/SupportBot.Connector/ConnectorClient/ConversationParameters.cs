using System.Text.Json;
using SupportBot.Schema;

namespace SupportBot.Connector.ConnectorClient;

/// <summary>Body of <c>POST /v3/conversations</c> (protocol.md §4); Teams requires the tenant.</summary>
public sealed class ConversationParameters
{
    /// <summary>True for a group conversation.</summary>
    public bool? IsGroup { get; set; }

    /// <summary>The bot (<c>28:&lt;appId&gt;</c> on Teams).</summary>
    public ChannelAccount? Bot { get; set; }

    /// <summary>Members to add (<c>29:…</c> users on Teams).</summary>
    public List<ChannelAccount>? Members { get; set; }

    /// <summary>Topic of a group conversation.</summary>
    public string? TopicName { get; set; }

    /// <summary>Entra tenant id.</summary>
    public string? TenantId { get; set; }

    /// <summary>Optional first message.</summary>
    public Activity? Activity { get; set; }

    /// <summary>Channel-specific data, e.g. <c>{"tenant":{"id":"…"}}</c>.</summary>
    public JsonElement? ChannelData { get; set; }
}

/// <summary>Answer of create-conversation.</summary>
public sealed class ConversationResourceResponse
{
    /// <summary>New conversation id.</summary>
    public string? Id { get; set; }

    /// <summary>Id of the first activity, if one was sent.</summary>
    public string? ActivityId { get; set; }

    /// <summary>serviceUrl to use for the new conversation.</summary>
    public string? ServiceUrl { get; set; }
}
