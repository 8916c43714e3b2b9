using Microsoft.Extensions.Logging;
using SupportBot.Helpdesk.Tickets;

namespace SupportBot.Helpdesk.Relay;

/// <summary>Sends notices through the host's <see cref="IHelpdeskUserMessenger"/>; a failing messenger never fails the staff action.</summary>
public sealed class UserNotifier
{
    private readonly IHelpdeskUserMessenger _messenger;
    private readonly ILogger<UserNotifier> _logger;

    /// <summary>Creates the notifier.</summary>
    public UserNotifier(IHelpdeskUserMessenger messenger, ILogger<UserNotifier> logger)
    {
        _messenger = messenger;
        _logger = logger;
    }

    /// <summary>Posts <paramref name="text"/> of <paramref name="kind"/> into the ticket's conversation; false when that failed.</summary>
    public async Task<bool> NotifyAsync(Ticket ticket, HelpdeskNoticeKind kind, string text, string? senderName = null, CancellationToken cancellationToken = default)
    {
        var notice = new HelpdeskUserNotice(ticket.Number, ticket.ChannelId, ticket.ConversationId, ticket.Conversation, kind, text, senderName,
            kind == HelpdeskNoticeKind.ClosedAskRating ? HelpdeskTexts.RatingScale : []);
        try
        {
            await _messenger.SendAsync(notice, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            HelpdeskLog.MessengerFailed(_logger, ex, ticket.Number, kind.ToString());
            return false;
        }
    }
}

/// <summary>Stand-in used until the host registers its own <see cref="IHelpdeskUserMessenger"/>: logs and drops.</summary>
public sealed class LoggingUserMessenger : IHelpdeskUserMessenger
{
    private readonly ILogger<LoggingUserMessenger> _logger;

    /// <summary>Creates the stand-in.</summary>
    public LoggingUserMessenger(ILogger<LoggingUserMessenger> logger) => _logger = logger;

    /// <inheritdoc />
    public Task SendAsync(HelpdeskUserNotice notice, CancellationToken cancellationToken)
    {
        HelpdeskLog.NoMessenger(_logger, notice.Kind.ToString(), notice.TicketNumber);
        return Task.CompletedTask;
    }
}
