namespace SupportBot.Connector.DirectLine.Tokens;

/// <summary>Who is calling the Direct Line API: the secret holder (any conversation) or a token holder (one conversation).</summary>
/// <param name="IsSecret">True when the caller presented the Direct Line secret.</param>
/// <param name="ConversationId">The conversation a token is scoped to (<c>null</c> for the secret).</param>
/// <param name="UserId">The user id embedded in the token (<c>null</c> for the secret).</param>
/// <param name="Token">The bearer token presented (<c>null</c> for the secret).</param>
/// <param name="ExpiresAt">When the token expires (<c>null</c> for the secret).</param>
public sealed record DirectLineCaller(bool IsSecret, string? ConversationId, string? UserId, string? Token, DateTimeOffset? ExpiresAt = null)
{
    /// <summary>The secret holder.</summary>
    public static DirectLineCaller Secret { get; } = new(true, null, null, null);

    /// <summary>Throws 403 unless the caller may act on <paramref name="conversationId"/>.</summary>
    public void EnsureMayAccess(string conversationId)
    {
        if (!IsSecret && !string.Equals(ConversationId, conversationId, StringComparison.Ordinal))
        {
            throw new DirectLineException(403, DirectLineErrorCodes.TokenInvalid, "The token is not valid for this conversation.");
        }
    }
}
