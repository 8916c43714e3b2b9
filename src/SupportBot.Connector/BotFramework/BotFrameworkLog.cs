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

    [LoggerMessage(EventId = 4103, Level = LogLevel.Error, Message = "Background turn for conversation {ConversationId} (activity {ActivityId}) failed.")]
    public static partial void BackgroundTurnFailed(ILogger logger, Exception error, string conversationId, string? activityId);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Debug, Message = "Ignored a {ConversationType} message in {ConversationId}: the bot was not mentioned.")]
    public static partial void NotMentioned(ILogger logger, string? conversationType, string conversationId);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "Typing indicator for conversation {ConversationId} failed.")]
    public static partial void TypingFailed(ILogger logger, Exception error, string? conversationId);
}
