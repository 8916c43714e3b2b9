using SupportBot.Schema;

namespace SupportBot.Connector.BotFramework.Teams;

/// <summary>
/// Group chats and channels: on channels whose capability says so (Teams), a message that does not @mention the
/// bot is not for the bot (with RSC permissions Teams delivers every message; the bot must stay quiet).
/// </summary>
public static class TeamsMentionGate
{
    /// <summary>True when <paramref name="activity"/> is a group message the bot should acknowledge but not answer.</summary>
    public static bool ShouldIgnore(Activity activity, ChannelCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(capabilities);
        return activity.IsType(ActivityTypes.Message)
               && IsGroupScope(activity)
               && capabilities.For(activity.ChannelId).AnswerGroupsOnlyWhenMentioned
               && !MentionsRecipient(activity);
    }

    /// <summary>True for Teams <c>groupChat</c>/<c>channel</c> conversations and other <c>isGroup</c> ones.</summary>
    public static bool IsGroupScope(Activity activity) => activity.IsGroupConversation();

    /// <summary>True when a mention entity names the recipient (the bot) by id — never by the text.</summary>
    public static bool MentionsRecipient(Activity activity)
        => activity.Recipient?.Id is { } botId
           && activity.GetMentions().Any(m => string.Equals(m.Mentioned?.Id, botId, StringComparison.Ordinal));
}
