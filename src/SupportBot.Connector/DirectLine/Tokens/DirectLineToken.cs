namespace SupportBot.Connector.DirectLine.Tokens;

/// <summary>An issued token and the conversation it is scoped to.</summary>
/// <param name="Token">The signed JWT.</param>
/// <param name="ConversationId">The <c>conv</c> claim.</param>
/// <param name="UserId">The <c>user</c> claim.</param>
/// <param name="ExpiresIn">Seconds until the token expires.</param>
public sealed record DirectLineToken(string Token, string ConversationId, string UserId, int ExpiresIn);
