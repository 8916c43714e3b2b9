using System.Collections.Frozen;
using SupportBot.Schema;

namespace SupportBot.Connector.BotFramework.Teams;

/// <summary>
/// The channel-capability table (protocol.md §7 and §8 #21). Flows emit plain suggested actions; this table
/// decides how each channel gets them. Unknown channels get the permissive default.
/// </summary>
public sealed class ChannelCapabilities
{
    /// <summary>What an unlisted channel is assumed to support (everything; nothing is rewritten).</summary>
    public static readonly ChannelCapability Default = new();

    /// <summary>
    /// Teams: at most 3 suggested actions, only the safe subset (1:1 chats, text-only messages); hero cards with
    /// imBack buttons render; groups answer only when mentioned and get no typing noise.
    /// </summary>
    public static readonly ChannelCapability Teams = new()
    {
        MaxSuggestedActions = 3,
        SuggestedActionsInGroups = false,
        SuggestedActionsWithAttachments = false,
        CardImBackButtons = true,
        MaxCardButtons = 6,
        AnswerGroupsOnlyWhenMentioned = true,
        TypingInGroups = false,
    };

    private readonly FrozenDictionary<string, ChannelCapability> _table;

    /// <summary>The built-in table: Web Chat / Direct Line and the Emulator show many (Web Chat up to 100), Teams 3.</summary>
    public ChannelCapabilities()
        : this(new Dictionary<string, ChannelCapability>
        {
            [Channels.Msteams] = Teams,
            [Channels.Directline] = new() { MaxSuggestedActions = 100 },
            [Channels.Webchat] = new() { MaxSuggestedActions = 100 },
            [Channels.Emulator] = new() { MaxSuggestedActions = 100 },
        })
    {
    }

    /// <summary>A custom table (channel id → capability, compared case-insensitively).</summary>
    public ChannelCapabilities(IDictionary<string, ChannelCapability> table)
        => _table = table.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The capability of <paramref name="channelId"/>, or <see cref="Default"/>.</summary>
    public ChannelCapability For(string? channelId)
        => channelId is not null && _table.TryGetValue(channelId, out var capability) ? capability : Default;
}
