using SupportBot.Helpdesk.Tickets;

namespace SupportBot.Helpdesk.Relay;

/// <summary>The user side of the live relay (see <see cref="IHelpdeskRelay"/>).</summary>
public sealed class HelpdeskRelay : IHelpdeskRelay
{
    private static readonly TicketStatus[] Live = [TicketStatus.Claimed];
    private static readonly TicketStatus[] Closed = [TicketStatus.Closed];

    // A rating answer only counts shortly after the close; later a bare "3" is ordinary input again.
    private static readonly TimeSpan RatingWindow = TimeSpan.FromHours(24);

    private readonly ITicketStore _store;
    private readonly UserNotifier _notifier;
    private readonly TimeProvider _time;

    /// <summary>Creates the relay.</summary>
    public HelpdeskRelay(ITicketStore store, UserNotifier notifier, TimeProvider time)
    {
        _store = store;
        _notifier = notifier;
        _time = time;
    }

    /// <inheritdoc />
    public async Task<bool> TryRelayUserMessageAsync(string conversationId, string text, CancellationToken cancellationToken = default)
    {
        var live = await _store.FindLatestByConversationAsync(conversationId, Live, cancellationToken).ConfigureAwait(false);
        if (live is not null)
        {
            await _store.AppendEventAsync(live.Number, TicketEventKinds.UserMessage, "user", text, cancellationToken).ConfigureAwait(false);
            return true;
        }
        return HelpdeskTexts.ParseRating(text) is { } rating
            && await RecordRatingAsync(conversationId, rating, null, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<bool> RecordRatingAsync(string conversationId, int rating, string? comment = null, CancellationToken cancellationToken = default)
    {
        if (rating is < 1 or > 5)
        {
            return false;
        }
        var ticket = await _store.FindLatestByConversationAsync(conversationId, Closed, cancellationToken).ConfigureAwait(false);
        if (ticket is null || ticket.Rating is not null || ticket.ClosedAt < _time.GetUtcNow() - RatingWindow)
        {
            return false;
        }
        var result = await _store.RateAsync(ticket.Number, rating, comment, cancellationToken).ConfigureAwait(false);
        if (result.Outcome != TicketChangeOutcome.Done)
        {
            return false;
        }
        await _notifier.NotifyAsync(ticket, HelpdeskNoticeKind.RatingThanks, HelpdeskTexts.RatingThanks(ticket.Locale), null, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc />
    public async Task<bool> IsLiveAsync(string conversationId, CancellationToken cancellationToken = default)
        => await _store.FindLatestByConversationAsync(conversationId, Live, cancellationToken).ConfigureAwait(false) is not null;
}
