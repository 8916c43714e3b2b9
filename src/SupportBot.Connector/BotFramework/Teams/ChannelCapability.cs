namespace SupportBot.Connector.BotFramework.Teams;

/// <summary>What one channel can render; read by the outgoing transforms instead of channel if-statements.</summary>
public sealed record ChannelCapability
{
    /// <summary>Most suggested actions the channel shows on one message.</summary>
    public int MaxSuggestedActions { get; init; } = int.MaxValue;

    /// <summary>Whether suggested actions show in group chats and channels (not only 1:1).</summary>
    public bool SuggestedActionsInGroups { get; init; } = true;

    /// <summary>Whether suggested actions show on a message that also carries attachments.</summary>
    public bool SuggestedActionsWithAttachments { get; init; } = true;

    /// <summary>Whether hero cards with <c>imBack</c> buttons render (the fallback for too many choices).</summary>
    public bool CardImBackButtons { get; init; } = true;

    /// <summary>Most buttons on one card; more choices are split over several cards.</summary>
    public int MaxCardButtons { get; init; } = int.MaxValue;

    /// <summary>In group chats and channels, only messages that @mention the bot are answered.</summary>
    public bool AnswerGroupsOnlyWhenMentioned { get; init; }

    /// <summary>Whether typing indicators are worth sending in group chats and channels.</summary>
    public bool TypingInGroups { get; init; } = true;
}
