namespace SupportBot.Helpdesk.Relay;

/// <summary>
/// Called by the host's bot for every user message before the dialogs run: while a ticket is claimed
/// and open, the message belongs to staff; right after a close, a 1–5 answer is the rating.
/// </summary>
public interface IHelpdeskRelay
{
    /// <summary>
    /// Relays <paramref name="text"/> to the live ticket of <paramref name="conversationId"/>, or records it as the
    /// rating of a just-closed ticket. Returns true when the helpdesk took the message (the bot must not answer it).
    /// </summary>
    Task<bool> TryRelayUserMessageAsync(string conversationId, string text, CancellationToken cancellationToken = default);

    /// <summary>Records a 1–5 rating for the newest closed, unrated ticket of the conversation; false when there is none.</summary>
    Task<bool> RecordRatingAsync(string conversationId, int rating, string? comment = null, CancellationToken cancellationToken = default);

    /// <summary>Whether a staff member is chatting in this conversation now (the bot stays quiet).</summary>
    Task<bool> IsLiveAsync(string conversationId, CancellationToken cancellationToken = default);
}
