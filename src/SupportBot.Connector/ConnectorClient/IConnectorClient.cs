using SupportBot.Schema;

namespace SupportBot.Connector.ConnectorClient;

/// <summary>
/// Bot → channel calls of the Bot Connector REST API (protocol.md §4). Every call takes the serviceUrl exactly as
/// the channel sent it and refuses a serviceUrl that no authenticated inbound activity carried.
/// </summary>
public interface IConnectorClient
{
    /// <summary><c>POST v3/conversations/{conversationId}/activities</c>.</summary>
    Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default);

    /// <summary><c>POST v3/conversations/{conversationId}/activities/{activityId}</c> (threaded reply).</summary>
    Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default);

    /// <summary><c>PUT v3/conversations/{conversationId}/activities/{activityId}</c> (full replacement).</summary>
    Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE v3/conversations/{conversationId}/activities/{activityId}</c>.</summary>
    Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default);

    /// <summary><c>GET v3/conversations/{conversationId}/members</c>.</summary>
    Task<IReadOnlyList<ChannelAccount>> GetConversationMembersAsync(string serviceUrl, string conversationId, CancellationToken cancellationToken = default);

    /// <summary><c>POST v3/conversations</c> (proactive 1:1 chat).</summary>
    Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default);
}
