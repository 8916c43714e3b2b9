namespace SupportBot.Schema;

/// <summary>Values of <see cref="Activity.Code"/> on <c>endOfConversation</c> activities.</summary>
public static class EndOfConversationCodes
{
    /// <summary>No reason given.</summary>
    public const string Unknown = "unknown";
    /// <summary>The conversation reached its goal.</summary>
    public const string CompletedSuccessfully = "completedSuccessfully";
    /// <summary>The user cancelled.</summary>
    public const string UserCancelled = "userCancelled";
    /// <summary>The bot took too long.</summary>
    public const string BotTimedOut = "botTimedOut";
    /// <summary>The bot sent something the channel rejected.</summary>
    public const string BotIssuedInvalidMessage = "botIssuedInvalidMessage";
    /// <summary>The channel failed.</summary>
    public const string ChannelFailed = "channelFailed";
}
