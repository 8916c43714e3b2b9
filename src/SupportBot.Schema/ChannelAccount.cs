using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Schema;

/// <summary>A user or bot in a conversation (<c>from</c>, <c>recipient</c>, <c>membersAdded</c>...).</summary>
public class ChannelAccount
{
    /// <summary>Creates an empty account (for deserialization and object initializers).</summary>
    public ChannelAccount()
    {
    }

    /// <summary>Creates an account with the given id, name and role.</summary>
    public ChannelAccount(string? id, string? name = null, string? role = null, string? aadObjectId = null)
    {
        Id = id;
        Name = name;
        Role = role;
        AadObjectId = aadObjectId;
    }

    /// <summary>Channel-specific id of the account (opaque, compared ordinally).</summary>
    public string? Id { get; set; }

    /// <summary>Display name.</summary>
    public string? Name { get; set; }

    /// <summary>Entra ID object id of the user (Teams).</summary>
    public string? AadObjectId { get; set; }

    /// <summary><see cref="RoleTypes.User"/> or <see cref="RoleTypes.Bot"/>; informational.</summary>
    public string? Role { get; set; }

    /// <summary>Fields this model does not know; kept so they round-trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>A shallow copy (extension data dictionary copied, values are immutable).</summary>
    public ChannelAccount Clone() => new(Id, Name, Role, AadObjectId)
    {
        Properties = Properties is null ? null : new Dictionary<string, JsonElement>(Properties),
    };
}
