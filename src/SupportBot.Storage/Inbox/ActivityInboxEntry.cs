namespace SupportBot.Storage;

/// <summary>An accepted activity waiting for (or in) its turn, as <see cref="IActivityInbox.ClaimAbandonedAsync"/> returns it.</summary>
/// <param name="Id">The entry id (insertion order).</param>
/// <param name="ConversationId">The conversation the activity belongs to.</param>
/// <param name="ActivityId">The channel's activity id, when it had one.</param>
/// <param name="ActivityJson">The activity as it was accepted (after authentication, with its <c>callerId</c>).</param>
/// <param name="ReceivedAt">When the endpoint accepted it.</param>
/// <param name="Claims">How often it has been claimed after its holder died, this claim included.</param>
public sealed record ActivityInboxEntry(long Id, string ConversationId, string? ActivityId, string ActivityJson, DateTimeOffset ReceivedAt, int Claims);
