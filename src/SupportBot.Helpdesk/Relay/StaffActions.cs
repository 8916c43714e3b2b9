using Microsoft.Extensions.Logging;
using SupportBot.Helpdesk.Tickets;

namespace SupportBot.Helpdesk.Relay;

/// <summary>What staff do to a ticket (console and API share it): claim, write, close — each also tells the user.</summary>
public sealed class StaffActions
{
    private readonly ITicketStore _store;
    private readonly UserNotifier _notifier;
    private readonly ILogger<StaffActions> _logger;

    /// <summary>Creates the actions.</summary>
    public StaffActions(ITicketStore store, UserNotifier notifier, ILogger<StaffActions> logger)
    {
        _store = store;
        _notifier = notifier;
        _logger = logger;
    }

    /// <summary>Claims the ticket; on success the user is told a person joined.</summary>
    public async Task<TicketChangeResult> ClaimAsync(string number, StaffMember staff, CancellationToken cancellationToken = default)
    {
        var result = await _store.ClaimAsync(number, staff.UserName, cancellationToken).ConfigureAwait(false);
        if (result is { Outcome: TicketChangeOutcome.Done, Ticket: { } ticket })
        {
            HelpdeskLog.TicketChanged(_logger, number, "claimed", staff.UserName);
            await _notifier.NotifyAsync(ticket, HelpdeskNoticeKind.StaffJoined,
                HelpdeskTexts.StaffJoined(staff.DisplayName, ticket.Locale), staff.DisplayName, cancellationToken).ConfigureAwait(false);
        }
        return result;
    }

    /// <summary>Sends a staff message to the user; only while the ticket is claimed.</summary>
    public async Task<TicketChangeResult> SendMessageAsync(string number, StaffMember staff, string text, CancellationToken cancellationToken = default)
    {
        var ticket = await _store.GetAsync(number, cancellationToken).ConfigureAwait(false);
        if (ticket is null)
        {
            return new(TicketChangeOutcome.NotFound, null);
        }
        if (ticket.Status != TicketStatus.Claimed)
        {
            return new(TicketChangeOutcome.Conflict, ticket);
        }
        var masked = Masking.Masking.Mask(text) ?? "";
        await _store.AppendEventAsync(number, TicketEventKinds.StaffMessage, staff.UserName, masked, cancellationToken).ConfigureAwait(false);
        // Staff text goes to the user as typed (staff may read a key back on purpose); only the stored copy is masked.
        await _notifier.NotifyAsync(ticket, HelpdeskNoticeKind.StaffMessage, text, staff.DisplayName, cancellationToken).ConfigureAwait(false);
        return new(TicketChangeOutcome.Done, ticket);
    }

    /// <summary>Closes the ticket; on success the user is asked for a rating.</summary>
    public async Task<TicketChangeResult> CloseAsync(string number, StaffMember staff, string? note, CancellationToken cancellationToken = default)
    {
        var result = await _store.CloseAsync(number, staff.UserName, note, cancel: false, cancellationToken).ConfigureAwait(false);
        if (result is { Outcome: TicketChangeOutcome.Done, Ticket: { } ticket })
        {
            HelpdeskLog.TicketChanged(_logger, number, "closed", staff.UserName);
            await _notifier.NotifyAsync(ticket, HelpdeskNoticeKind.ClosedAskRating,
                HelpdeskTexts.ClosedAskRating(number, ticket.Locale), null, cancellationToken).ConfigureAwait(false);
        }
        return result;
    }
}

/// <summary>The signed-in staff member.</summary>
/// <param name="UserName">Account name (recorded as assignee).</param>
/// <param name="DisplayName">Name shown to the user.</param>
public sealed record StaffMember(string UserName, string DisplayName);
