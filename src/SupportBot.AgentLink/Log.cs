using Microsoft.Extensions.Logging;

namespace SupportBot.AgentLink;

/// <summary>Structured log messages of the agent link. Never logs codes, tokens or fact values.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Pairing code created for conversation {ConversationId} (expires {ExpiresAt:O})")]
    public static partial void CodeCreated(ILogger logger, string conversationId, DateTimeOffset expiresAt);

    [LoggerMessage(2, LogLevel.Information, "Agent {AgentVersion} paired with conversation {ConversationId}")]
    public static partial void Paired(ILogger logger, string conversationId, string agentVersion);

    [LoggerMessage(3, LogLevel.Warning, "Pairing refused for {Address}: {Reason}")]
    public static partial void PairingRefused(ILogger logger, string address, string reason);

    [LoggerMessage(4, LogLevel.Information, "Job {JobId} ({Kind}) queued for conversation {ConversationId}")]
    public static partial void JobQueued(ILogger logger, string jobId, string kind, string conversationId);

    [LoggerMessage(5, LogLevel.Information, "Result {Status} for job {JobId} ({Kind}) of conversation {ConversationId}: {Outcome}")]
    public static partial void ResultReceived(ILogger logger, string status, string jobId, string kind, string conversationId, string outcome);

    [LoggerMessage(6, LogLevel.Information, "Job {JobId} ({Kind}) of conversation {ConversationId} expired unanswered")]
    public static partial void JobExpired(ILogger logger, string jobId, string kind, string conversationId);

    [LoggerMessage(7, LogLevel.Error, "The result sink failed for conversation {ConversationId}")]
    public static partial void SinkFailed(ILogger logger, Exception exception, string conversationId);

    [LoggerMessage(8, LogLevel.Information, "Agent link of conversation {ConversationId} ended")]
    public static partial void Ended(ILogger logger, string conversationId);

    [LoggerMessage(9, LogLevel.Warning, "No IAgentResultSink registered: result for conversation {ConversationId} only logged")]
    public static partial void NoSink(ILogger logger, string conversationId);

    [LoggerMessage(10, LogLevel.Error, "Sweeping expired agent jobs failed")]
    public static partial void SweepFailed(ILogger logger, Exception exception);
}
