using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SupportBot.Connector.DirectLine.Tokens;

/// <summary>
/// Issues and checks Direct Line tokens: HS256 JWTs with <c>conv</c>, <c>user</c> and <c>exp</c>, and
/// authenticates callers holding the secret. Expiry is checked against the injected
/// <see cref="TimeProvider"/> (not the library's wall clock) so tests can move time. Tokens that passed
/// validation are remembered for their lifetime (bounded), so repeated requests skip the HMAC; expiry is
/// still checked on every request.
/// </summary>
public sealed class DirectLineTokenService
{
    /// <summary>Issuer of our tokens.</summary>
    public const string Issuer = "supportbot-directline";

    /// <summary>Audience of our tokens.</summary>
    public const string Audience = "supportbot-directline-clients";

    private const string ConversationClaim = "conv";
    private const string UserClaim = "user";

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;
    private readonly byte[] _secret;
    private readonly SigningCredentials _credentials;
    private readonly TokenValidationParameters _validation;
    private readonly ValidatedTokenCache _validated = new();

    public DirectLineTokenService(IOptions<DirectLineOptions> options, TimeProvider time)
    {
        var secret = options.Value.Secret;
        if (string.IsNullOrEmpty(secret))
        {
            throw new InvalidOperationException("DirectLine:Secret is not set (the host should have generated one).");
        }
        _time = time;
        _lifetime = options.Value.TokenLifetime;
        _secret = Encoding.UTF8.GetBytes(secret);
        // The signing key is derived, so the secret itself never doubles as raw key material.
        var key = new SymmetricSecurityKey(HKDF.DeriveKey(HashAlgorithmName.SHA256, _secret, 32, info: "SupportBot Direct Line tokens v1"u8.ToArray()));
        _credentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256);
        _validation = new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidateLifetime = false,
            RequireExpirationTime = true,
        };
    }

    /// <summary>Issues a token for one conversation and user.</summary>
    public DirectLineToken Issue(string conversationId, string userId)
    {
        var now = _time.GetUtcNow();
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + _lifetime).UtcDateTime,
            Subject = new ClaimsIdentity([new Claim(ConversationClaim, conversationId), new Claim(UserClaim, userId)]),
            SigningCredentials = _credentials,
        });
        return new DirectLineToken(token, conversationId, userId, (int)_lifetime.TotalSeconds);
    }

    /// <summary>
    /// Authenticates an <c>Authorization</c> header value (<c>Bearer secret-or-token</c>), or a bare
    /// token (the stream's <c>t</c> query parameter). Throws <see cref="DirectLineException"/> with
    /// 401 (missing), 403 <c>TokenInvalid</c> or 403 <c>TokenExpired</c>.
    /// </summary>
    public async Task<DirectLineCaller> AuthenticateAsync(string? credential, bool allowSecret = true)
    {
        var value = credential?.Trim();
        if (value is not null && value.StartsWith("Bearer", StringComparison.OrdinalIgnoreCase)
            && (value.Length == "Bearer".Length || char.IsWhiteSpace(value["Bearer".Length])))
        {
            value = value["Bearer".Length..].Trim();
        }
        if (string.IsNullOrEmpty(value))
        {
            throw new DirectLineException(401, DirectLineErrorCodes.MissingAuthorization, "Authorization: Bearer <secret or token> is required.");
        }
        if (allowSecret && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(value), _secret))
        {
            return DirectLineCaller.Secret;
        }

        if (_validated.TryGet(value, out var known))
        {
            // Same exact text as a token that passed every signature and claim check: only expiry can change.
            if (known.ExpiresAt <= _time.GetUtcNow())
            {
                _validated.Forget(value);
                throw new DirectLineException(403, DirectLineErrorCodes.TokenExpired, "The token has expired.");
            }
            return known;
        }

        var result = await _handler.ValidateTokenAsync(value, _validation).ConfigureAwait(false);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt
            || !jwt.TryGetPayloadValue<string>(ConversationClaim, out var conversationId)
            || !jwt.TryGetPayloadValue<string>(UserClaim, out var userId))
        {
            throw new DirectLineException(403, DirectLineErrorCodes.TokenInvalid, "The token is not valid.");
        }
        if (jwt.ValidTo <= _time.GetUtcNow().UtcDateTime)
        {
            throw new DirectLineException(403, DirectLineErrorCodes.TokenExpired, "The token has expired.");
        }
        var caller = new DirectLineCaller(false, conversationId, userId, value, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero));
        _validated.Remember(value, caller);
        return caller;
    }
}
