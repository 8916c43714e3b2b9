using Microsoft.Extensions.Logging;

namespace SupportBot.Helpdesk;

/// <summary>The helpdesk's log messages (source-generated; license keys never reach them unmasked).</summary>
internal static partial class HelpdeskLog
{
    [LoggerMessage(1, LogLevel.Information, "Ticket {TicketNumber} created ({Priority}, reason {Reason}, flow {FlowId})")]
    public static partial void TicketCreated(ILogger logger, string ticketNumber, string priority, string reason, string? flowId);

    [LoggerMessage(2, LogLevel.Information, "Webhook delivery {DeliveryId} ({Event}) delivered after {Attempts} failed attempts")]
    public static partial void WebhookDelivered(ILogger logger, string deliveryId, string @event, int attempts);

    [LoggerMessage(3, LogLevel.Warning, "Webhook delivery {DeliveryId} failed (attempt {Attempt}): {Error}; next attempt at {NextAttemptAt:o}")]
    public static partial void WebhookFailed(ILogger logger, string deliveryId, int attempt, string error, DateTimeOffset nextAttemptAt);

    [LoggerMessage(4, LogLevel.Error, "Webhook drainer loop failed; retrying")]
    public static partial void DrainerError(ILogger logger, Exception exception);

    [LoggerMessage(5, LogLevel.Information, "Ticket {TicketNumber}: {Change} by {Actor}")]
    public static partial void TicketChanged(ILogger logger, string ticketNumber, string change, string actor);

    [LoggerMessage(6, LogLevel.Information, "handoff.status {State} for conversation {ConversationId} (ticket {TicketNumber})")]
    public static partial void HandoffStatus(ILogger logger, string state, string? conversationId, string? ticketNumber);

    [LoggerMessage(7, LogLevel.Warning, "Could not tell the user of ticket {TicketNumber}: {Kind}")]
    public static partial void MessengerFailed(ILogger logger, Exception exception, string ticketNumber, string kind);

    [LoggerMessage(8, LogLevel.Error, "Claim-timeout check failed")]
    public static partial void ClaimCheckError(ILogger logger, Exception exception);

    [LoggerMessage(9, LogLevel.Warning, "No IHelpdeskUserMessenger registered: notice {Kind} for ticket {TicketNumber} was only logged")]
    public static partial void NoMessenger(ILogger logger, string kind, string ticketNumber);

    [LoggerMessage(10, LogLevel.Warning, "Failed helpdesk sign-in for {UserName}")]
    public static partial void SignInFailed(ILogger logger, string userName);
}
