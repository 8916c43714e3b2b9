using SupportBot.Schema;

namespace SupportBot.Helpdesk.Relay;

/// <summary>
/// Implemented by the host: posts a helpdesk notice or a staff message into the user's conversation
/// (for Direct Line: append a bot activity to the conversation's activity log; for other channels:
/// send proactively through the connector using <see cref="HelpdeskUserNotice.Conversation"/>).
/// Without a host implementation the helpdesk only logs notices.
/// </summary>
public interface IHelpdeskUserMessenger
{
    /// <summary>Delivers <paramref name="notice"/> to the user.</summary>
    Task SendAsync(HelpdeskUserNotice notice, CancellationToken cancellationToken);
}

/// <summary>What kind of message the helpdesk sends to the user.</summary>
public enum HelpdeskNoticeKind
{
    /// <summary>A staff member claimed the ticket (「担当者が参加しました」).</summary>
    StaffJoined,

    /// <summary>A staff member's chat message.</summary>
    StaffMessage,

    /// <summary>Staff closed the ticket; the text asks for a 1–5 rating (<see cref="HelpdeskUserNotice.SuggestedReplies"/> holds 1..5).</summary>
    ClosedAskRating,

    /// <summary>Thanks after a rating.</summary>
    RatingThanks,

    /// <summary>Nobody claimed in time: the ticket stands and how the user will be contacted.</summary>
    ClaimTimeout,
}

/// <summary>A message for the user, ready to post.</summary>
/// <param name="TicketNumber">The ticket.</param>
/// <param name="ChannelId">Channel of the user's conversation.</param>
/// <param name="ConversationId">The user's conversation id.</param>
/// <param name="Conversation">Full reference (service URL, bot and user accounts) for proactive sends.</param>
/// <param name="Kind">What it is.</param>
/// <param name="Text">The text to show, already in the user's language.</param>
/// <param name="SenderName">Name to show as sender (the staff member's display name for staff messages).</param>
/// <param name="SuggestedReplies">Quick replies to offer (the rating scale), possibly empty.</param>
public sealed record HelpdeskUserNotice(
    string TicketNumber,
    string ChannelId,
    string ConversationId,
    ConversationReference Conversation,
    HelpdeskNoticeKind Kind,
    string Text,
    string? SenderName,
    IReadOnlyList<string> SuggestedReplies);
