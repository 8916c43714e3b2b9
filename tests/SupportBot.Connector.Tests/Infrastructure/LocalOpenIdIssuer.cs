using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SupportBot.Connector.Tests.Infrastructure;

/// <summary>
/// A local stand-in for login.botframework.com (path <c>/abs</c>, keys with <c>endorsements</c>) and for the
/// Entra metadata (path <c>/entra</c>, keys without). It generates RSA keys, signs tokens and counts fetches.
/// </summary>
public sealed class LocalOpenIdIssuer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, SigningKey> _absKeys = new();
    private readonly ConcurrentDictionary<string, SigningKey> _entraKeys = new();
    private LocalServer? _server;
    private int _absMetadataFetches;
    private int _absKeyFetches;

    public sealed record SigningKey(string Kid, RSA Rsa, string[]? Endorsements)
    {
        public RsaSecurityKey SecurityKey => new(Rsa) { KeyId = Kid };
    }

    public string AbsMetadataUrl => new Uri(_server!.BaseAddress, "abs/.well-known/openidconfiguration").ToString();
    public string EntraMetadataUrl => new Uri(_server!.BaseAddress, "entra/v2.0/.well-known/openid-configuration").ToString();
    public int AbsMetadataFetches => Volatile.Read(ref _absMetadataFetches);
    public int AbsKeyFetches => Volatile.Read(ref _absKeyFetches);

    public static async Task<LocalOpenIdIssuer> StartAsync()
    {
        var issuer = new LocalOpenIdIssuer();
        issuer._server = await LocalServer.StartAsync(app =>
        {
            app.MapGet("/abs/.well-known/openidconfiguration", (HttpContext context) =>
            {
                Interlocked.Increment(ref issuer._absMetadataFetches);
                return Results.Json(Metadata(context, "https://api.botframework.com", "abs/keys"));
            });
            app.MapGet("/abs/keys", () =>
            {
                Interlocked.Increment(ref issuer._absKeyFetches);
                return Results.Text(Jwks(issuer._absKeys.Values), "application/json");
            });
            app.MapGet("/entra/v2.0/.well-known/openid-configuration", (HttpContext context) =>
                Results.Json(Metadata(context, "https://login.microsoftonline.com/{tenantid}/v2.0", "entra/keys")));
            app.MapGet("/entra/keys", () => Results.Text(Jwks(issuer._entraKeys.Values), "application/json"));
        });
        return issuer;
    }

    public SigningKey AddAbsKey(string kid, params string[] endorsements) =>
        _absKeys[kid] = new SigningKey(kid, RSA.Create(2048), endorsements);

    public SigningKey AddEntraKey(string kid) => _entraKeys[kid] = new SigningKey(kid, RSA.Create(2048), null);

    public void RemoveAbsKey(string kid) => _absKeys.TryRemove(kid, out _);

    /// <summary>A key that is never published (for "unknown key" cases).</summary>
    public static SigningKey Unpublished(string kid) => new(kid, RSA.Create(2048), null);

    public static string Sign(SigningKey key, IDictionary<string, object> claims, DateTimeOffset notBefore, DateTimeOffset expires,
        string algorithm = SecurityAlgorithms.RsaSha256)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Claims = claims,
            NotBefore = notBefore.UtcDateTime,
            IssuedAt = notBefore.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(key.SecurityKey, algorithm),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with the given claims.</summary>
    public static string Unsigned(string kid, IDictionary<string, object> claims) =>
        Base64UrlEncoder.Encode(JsonSerializer.Serialize(new { alg = "none", typ = "JWT", kid }))
        + "." + Base64UrlEncoder.Encode(JsonSerializer.Serialize(claims)) + ".";

    /// <summary>HS256 using the published public key bytes as the HMAC secret (the classic key-confusion attack).</summary>
    public static string SignWithPublicKeyAsSecret(SigningKey key, IDictionary<string, object> claims, DateTimeOffset notBefore, DateTimeOffset expires)
    {
        var secret = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key.Rsa.ExportSubjectPublicKeyInfoPem())) { KeyId = key.Kid };
        var descriptor = new SecurityTokenDescriptor
        {
            Claims = claims,
            NotBefore = notBefore.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(secret, SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    private static object Metadata(HttpContext context, string issuer, string keysPath) => new Dictionary<string, object>
    {
        ["issuer"] = issuer,
        ["jwks_uri"] = $"{context.Request.Scheme}://{context.Request.Host}/{keysPath}",
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
    };

    private static string Jwks(IEnumerable<SigningKey> keys) => JsonSerializer.Serialize(new
    {
        keys = keys.Select(key =>
        {
            var parameters = key.Rsa.ExportParameters(false);
            var jwk = new Dictionary<string, object>
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = key.Kid,
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            };
            if (key.Endorsements is not null)
            {
                jwk["endorsements"] = key.Endorsements;
            }

            return jwk;
        }),
    });

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
