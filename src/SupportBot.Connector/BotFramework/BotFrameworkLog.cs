using Microsoft.Extensions.Logging;

namespace SupportBot.Connector.BotFramework;

/// <summary>Log messages of the Bot Framework channel.</summary>
internal static partial class BotFrameworkLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Debug, Message = "Sent {ActivityType} to conversation {ConversationId} (id {ActivityId}).")]
    public static partial void Sent(ILogger logger, string activityType, string conversationId, string? activityId);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Refused /api/messages with {StatusCode}: {Reason}.")]
    public static partial void Refused(ILogger logger, int statusCode, string reason);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Turn queue is full ({Capacity}); answered 503 for conversation {ConversationId}.")]
    public static partial void QueueFull(ILogger logger, int capacity, string conversationId);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Error, Message = "Background turn for conversation {ConversationId} (activity {ActivityId}) failed; its inbox entry is completed, so it is not run again.")]
    public static partial void BackgroundTurnFailed(ILogger logger, Exception error, string conversationId, string? activityId);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Debug, Message = "Ignored a {ConversationType} message in {ConversationId}: the bot was not mentioned.")]
    public static partial void NotMentioned(ILogger logger, string? conversationType, string conversationId);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "Typing indicator for conversation {ConversationId} failed.")]
    public static partial void TypingFailed(ILogger logger, Exception error, string? conversationId);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Error, Message = "Could not write the activity of conversation {ConversationId} to the inbox; answered 503 so the channel retries.")]
    public static partial void InboxWriteFailed(ILogger logger, Exception error, string conversationId);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Warning, Message = "Could not complete inbox entry {EntryId}; it may be run again after a restart (acknowledged as a duplicate).")]
    public static partial void InboxCompleteFailed(ILogger logger, Exception error, long entryId);

    [LoggerMessage(EventId = 4108, Level = LogLevel.Information, Message = "Recovered {Count} accepted activities from the inbox.")]
    public static partial void InboxRecovered(ILogger logger, int count);

    [LoggerMessage(EventId = 4109, Level = LogLevel.Warning, Message = "Dropped inbox entry {EntryId} of conversation {ConversationId}: received {ReceivedAt:o}, older than {MaxAge}; a reply this late helps nobody.")]
    public static partial void InboxEntryTooOld(ILogger logger, long entryId, string conversationId, DateTimeOffset receivedAt, TimeSpan maxAge);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Error, Message = "Dropped inbox entry {EntryId} of conversation {ConversationId} (activity {ActivityId}): claimed {Claims} times after its holder died.")]
    public static partial void InboxEntryGivenUp(ILogger logger, long entryId, string conversationId, string? activityId, int claims);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Warning, Message = "Inbox recovery or lease renewal failed; retrying in {Period}.")]
    public static partial void InboxRecoveryFailed(ILogger logger, Exception error, TimeSpan period);
}
