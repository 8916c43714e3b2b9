using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Schema;

/// <summary>The conversation an activity belongs to.</summary>
public class ConversationAccount
{
    /// <summary>Creates an empty conversation account.</summary>
    public ConversationAccount()
    {
    }

    /// <summary>Creates a conversation account with the given id.</summary>
    public ConversationAccount(string? id, string? name = null, bool? isGroup = null, string? conversationType = null, string? tenantId = null)
    {
        Id = id;
        Name = name;
        IsGroup = isGroup;
        ConversationType = conversationType;
        TenantId = tenantId;
    }

    /// <summary>Conversation id; mandatory on every activity.</summary>
    public string? Id { get; set; }

    /// <summary>Display name of the conversation.</summary>
    public string? Name { get; set; }

    /// <summary>True when the conversation has more than two participants.</summary>
    public bool? IsGroup { get; set; }

    /// <summary>Channel-specific kind, e.g. Teams <c>personal</c>, <c>groupChat</c>, <c>channel</c>.</summary>
    public string? ConversationType { get; set; }

    /// <summary>Entra tenant of the conversation (Teams).</summary>
    public string? TenantId { get; set; }

    /// <summary>Entra object id of the conversation.</summary>
    public string? AadObjectId { get; set; }

    /// <summary>Role of the conversation entity (rarely set).</summary>
    public string? Role { get; set; }

    /// <summary>Fields this model does not know; kept so they round-trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>A shallow copy.</summary>
    public ConversationAccount Clone() => new(Id, Name, IsGroup, ConversationType, TenantId)
    {
        AadObjectId = AadObjectId,
        Role = Role,
        Properties = Properties is null ? null : new Dictionary<string, JsonElement>(Properties),
    };
}
