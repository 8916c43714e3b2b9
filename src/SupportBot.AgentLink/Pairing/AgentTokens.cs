using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SupportBot.AgentLink.Pairing;

/// <summary>The claims an agent token carries.</summary>
internal sealed record AgentTokenClaims(string SessionId, string ConversationId, DateTimeOffset ExpiresAt);

/// <summary>
/// Issues and checks agent tokens: HS256 JWTs with the conversation (<c>cid</c>) and session (<c>jti</c>) as claims.
/// Lifetimes are checked against the injected clock, not the handler's, so tests can move time.
/// </summary>
internal sealed class AgentTokens
{
    public const string Issuer = "supportbot-agentlink";
    public const string Audience = "supportbot-agent";
    private const string ConversationClaim = "cid";

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SymmetricSecurityKey _key;
    private readonly TimeProvider _time;

    public AgentTokens(byte[] key, TimeProvider time)
    {
        _key = new SymmetricSecurityKey(key);
        _time = time;
    }

    public string Issue(string sessionId, string conversationId, DateTimeOffset expiresAt)
    {
        var now = _time.GetUtcNow();
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            Claims = new Dictionary<string, object> { [JwtRegisteredClaimNames.Jti] = sessionId, [ConversationClaim] = conversationId },
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>The claims of a valid, unexpired token; null otherwise.</summary>
    public async Task<AgentTokenClaims?> ValidateAsync(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 4096) return null;
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = _key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidateLifetime = false, // checked below with the injected clock
            RequireExpirationTime = true,
        });
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt) return null;
        var expires = new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero);
        if (expires <= _time.GetUtcNow()) return null;
        return jwt.TryGetPayloadValue<string>(ConversationClaim, out var conversationId) && !string.IsNullOrEmpty(jwt.Id)
            ? new AgentTokenClaims(jwt.Id, conversationId, expires)
            : null;
    }
}
