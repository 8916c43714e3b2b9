using System.Security.Claims;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace SupportBot.Connector.Authentication;

/// <summary>
/// Bot Framework inbound authentication (protocol.md §3): routes a token by its unvalidated <c>iss</c> to the
/// Azure Bot Service keys (§3.1) or the Entra keys (§3.2), validates it with IdentityModel, then applies the
/// checks IdentityModel does not know: endorsements, the <c>serviceurl</c> claim and the caller allow-list.
/// </summary>
public sealed class ChannelAuthenticator : IChannelAuthenticator
{
    private readonly BotFrameworkAuthenticationOptions _options;
    private readonly OpenIdKeySources _keys;
    private readonly ITrustedServiceUrls _trusted;
    private readonly TimeProvider _time;
    private readonly ILogger<ChannelAuthenticator> _logger;
    private readonly IReadOnlyList<string> _entraIssuers;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    /// <summary>Creates the authenticator.</summary>
    public ChannelAuthenticator(
        IOptions<BotFrameworkAuthenticationOptions> options,
        OpenIdKeySources keys,
        ITrustedServiceUrls trusted,
        TimeProvider time,
        ILogger<ChannelAuthenticator> logger)
    {
        _options = options.Value;
        _keys = keys;
        _trusted = trusted;
        _time = time;
        _logger = logger;
        _entraIssuers = TokenValidationRules.EntraIssuers(_options);
        if (_options.IsAnonymous)
        {
            ChannelAuthenticatorLog.AnonymousMode(_logger);
        }
    }

    /// <inheritdoc />
    public async Task<ChannelAuthenticationResult> AuthenticateAsync(
        string? authorizationHeader, string channelId, string serviceUrl, CancellationToken cancellationToken)
    {
        var result = await AuthenticateCoreAsync(authorizationHeader, channelId ?? "", serviceUrl ?? "", cancellationToken)
            .ConfigureAwait(false);
        if (result.Succeeded)
        {
            ChannelAuthenticatorLog.Authenticated(_logger, channelId ?? "", result.CallerId);
        }
        else
        {
            ChannelAuthenticatorLog.Refused(_logger, result.StatusCode, channelId ?? "", result.FailureReason ?? "");
        }

        return result;
    }

    private async Task<ChannelAuthenticationResult> AuthenticateCoreAsync(
        string? header, string channelId, string serviceUrl, CancellationToken cancellationToken)
    {
        if (_options.IsAnonymous)
        {
            // SDK rule: no app id = authentication disabled, but only for requests that don't present a token.
            return string.IsNullOrWhiteSpace(header)
                ? Anonymous(serviceUrl)
                : ChannelAuthenticationResult.Unauthorized("a token was presented but no MicrosoftAppId is configured");
        }

        var token = BearerToken.Parse(header);
        if (token is null)
        {
            return ChannelAuthenticationResult.Unauthorized("missing or malformed Bearer header");
        }

        JsonWebToken unvalidated;
        try
        {
            unvalidated = new JsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return ChannelAuthenticationResult.Unauthorized("token is not a well-formed JWT");
        }

        if (string.Equals(unvalidated.Issuer, AuthenticationConstants.BotFrameworkIssuer, StringComparison.Ordinal))
        {
            return await ValidateChannelTokenAsync(token, unvalidated, channelId, serviceUrl, cancellationToken).ConfigureAwait(false);
        }

        if (_entraIssuers.Contains(unvalidated.Issuer, StringComparer.Ordinal))
        {
            return await ValidateEntraTokenAsync(token, unvalidated, serviceUrl, cancellationToken).ConfigureAwait(false);
        }

        return ChannelAuthenticationResult.Unauthorized("unknown token issuer");
    }

    private async Task<ChannelAuthenticationResult> ValidateChannelTokenAsync(
        string token, JsonWebToken unvalidated, string channelId, string serviceUrl, CancellationToken cancellationToken)
    {
        var outcome = await ValidateSignedAsync(_keys.BotFramework, [AuthenticationConstants.BotFrameworkIssuer], token, unvalidated, cancellationToken)
            .ConfigureAwait(false);
        if (outcome.Failure is { } failure)
        {
            return failure;
        }

        // §3.1 step 7: the key that signed the token must endorse the channel the activity claims to come from.
        if (string.IsNullOrEmpty(channelId)
            || !outcome.Configuration!.Endorsements.TryGetValue(outcome.KeyId!, out var endorsed)
            || !endorsed.Contains(channelId))
        {
            return ChannelAuthenticationResult.Forbidden("signing key does not endorse the activity's channel");
        }

        var claimedServiceUrl = outcome.Identity!.FindFirst(AuthenticationConstants.ServiceUrlClaim)?.Value;
        if (string.IsNullOrEmpty(claimedServiceUrl))
        {
            return ChannelAuthenticationResult.Unauthorized("serviceurl claim missing");
        }

        if (!string.Equals(claimedServiceUrl, serviceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return ChannelAuthenticationResult.Unauthorized("serviceurl claim does not match the activity's serviceUrl");
        }

        _trusted.Trust(serviceUrl);
        return new ChannelAuthenticationResult
        {
            Identity = outcome.Identity,
            AppId = _options.MicrosoftAppId,
            CallerId = AuthenticationConstants.AzureChannelCallerId,
            ServiceUrlTrusted = true,
        };
    }

    private async Task<ChannelAuthenticationResult> ValidateEntraTokenAsync(
        string token, JsonWebToken unvalidated, string serviceUrl, CancellationToken cancellationToken)
    {
        var outcome = await ValidateSignedAsync(_keys.Entra, _entraIssuers, token, unvalidated, cancellationToken).ConfigureAwait(false);
        if (outcome.Failure is { } failure)
        {
            return failure;
        }

        var identity = outcome.Identity!;
        var version = identity.FindFirst(AuthenticationConstants.VersionClaim)?.Value;
        var callerAppId = identity.FindFirst(version == "2.0" ? AuthenticationConstants.AuthorizedPartyClaim : AuthenticationConstants.AppIdClaim)?.Value;
        if (string.IsNullOrEmpty(callerAppId))
        {
            return ChannelAuthenticationResult.Unauthorized("caller app id claim missing");
        }

        var isEmulator = string.Equals(callerAppId, _options.MicrosoftAppId, StringComparison.OrdinalIgnoreCase);
        if (!isEmulator && !_options.AllowedCallerAppIds.Contains(callerAppId, StringComparer.OrdinalIgnoreCase))
        {
            return ChannelAuthenticationResult.Unauthorized("calling bot is not in AllowedCallerAppIds");
        }

        // The caller proved it holds credentials for our app id (Emulator) or is an allow-listed bot, so the
        // serviceUrl it sends is where replies must go; there is no serviceurl claim on this path.
        _trusted.Trust(serviceUrl);
        return new ChannelAuthenticationResult
        {
            Identity = identity,
            AppId = _options.MicrosoftAppId,
            CallerAppId = callerAppId,
            CallerId = isEmulator ? null : AuthenticationConstants.BotCallerIdPrefix + callerAppId,
            ServiceUrlTrusted = true,
        };
    }

    private async Task<SignedTokenOutcome> ValidateSignedAsync(
        OpenIdKeySource source, IEnumerable<string> issuers, string token, JsonWebToken unvalidated, CancellationToken cancellationToken)
    {
        var keyId = unvalidated.Kid;
        if (string.IsNullOrEmpty(keyId))
        {
            return SignedTokenOutcome.Fail("token has no kid");
        }

        EndorsedOpenIdConfiguration? configuration;
        try
        {
            configuration = await source.FindKeyAsync(keyId, cancellationToken, () => ChannelAuthenticatorLog.UnknownKey(_logger, keyId, source.MetadataUrl))
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or IOException)
        {
            ChannelAuthenticatorLog.MetadataFailed(_logger, ex, source.MetadataUrl);
            return SignedTokenOutcome.Fail("signing keys unavailable");
        }

        if (configuration is null)
        {
            return SignedTokenOutcome.Fail("unknown signing key");
        }

        var parameters = TokenValidationRules.Create(issuers, _options.MicrosoftAppId!, configuration.SigningKeys, _options, _time);
        var validation = await _handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            return SignedTokenOutcome.Fail("token invalid: " + (validation.Exception?.GetType().Name ?? "unknown"));
        }

        return new SignedTokenOutcome(null, validation.ClaimsIdentity, configuration, validation.SecurityToken?.SigningKey?.KeyId ?? keyId);
    }

    private ChannelAuthenticationResult Anonymous(string serviceUrl)
    {
        // Without credentials nothing secret goes out, but replies must still not reach arbitrary hosts:
        // anonymous mode is for the Emulator and local tests, whose serviceUrl is a loopback address.
        var trusted = Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) && uri.IsLoopback;
        if (trusted)
        {
            _trusted.Trust(serviceUrl);
        }

        return new ChannelAuthenticationResult { Identity = new ClaimsIdentity(), IsAnonymous = true, ServiceUrlTrusted = trusted };
    }

    private sealed record SignedTokenOutcome(
        ChannelAuthenticationResult? Failure, ClaimsIdentity? Identity, EndorsedOpenIdConfiguration? Configuration, string? KeyId)
    {
        public static SignedTokenOutcome Fail(string reason) => new(ChannelAuthenticationResult.Unauthorized(reason), null, null, null);
    }
}
