using Microsoft.IdentityModel.Tokens;

namespace SupportBot.Connector.Authentication;

/// <summary>Builds the IdentityModel validation parameters for the two token paths of protocol.md §3.</summary>
internal static class TokenValidationRules
{
    // RSA signatures only: this refuses alg "none", HS* with a public key used as the secret, and anything exotic.
    private static readonly string[] AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    /// <summary>Issuers accepted on the Entra path: Bot Framework tenants plus, for single-tenant bots, our own tenant.</summary>
    public static IReadOnlyList<string> EntraIssuers(BotFrameworkAuthenticationOptions options)
    {
        var tenants = AuthenticationConstants.BotFrameworkTenants.ToList();
        if (options.MicrosoftAppType != BotAppType.MultiTenant && !string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
        {
            tenants.Add(options.MicrosoftAppTenantId.Trim());
        }

        return tenants.SelectMany(AuthenticationConstants.EntraIssuersFor).ToArray();
    }

    public static TokenValidationParameters Create(
        IEnumerable<string> validIssuers,
        string audience,
        IEnumerable<SecurityKey> signingKeys,
        BotFrameworkAuthenticationOptions options,
        TimeProvider time) => new()
    {
        ValidateIssuer = true,
        ValidIssuers = validIssuers.ToArray(),
        ValidateAudience = true,
        ValidAudience = audience,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = options.ClockSkew,
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = true,
        IssuerSigningKeys = signingKeys.ToArray(),
        ValidAlgorithms = AllowedAlgorithms,
        TryAllIssuerSigningKeys = false,
        // Our own check so lifetime follows the injected clock (tests, and the banned-wall-clock rule).
        LifetimeValidator = (notBefore, expires, _, _) => IsWithinLifetime(notBefore, expires, options.ClockSkew, time),
    };

    private static bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, TimeSpan skew, TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return expires is { } exp && exp.ToUniversalTime() + skew >= now
            && (notBefore is not { } nbf || nbf.ToUniversalTime() - skew <= now);
    }
}
