using System.Security.Claims;

namespace SupportBot.Connector.Authentication;

/// <summary>Why an inbound request was refused; maps to the HTTP status the endpoint returns.</summary>
public enum AuthenticationFailureKind
{
    /// <summary>Authenticated.</summary>
    None = 0,

    /// <summary>Missing, malformed or invalid token: HTTP 401.</summary>
    Unauthorized = 401,

    /// <summary>Valid token, but the signing key does not endorse the activity's channel: HTTP 403.</summary>
    Forbidden = 403,
}

/// <summary>Outcome of <see cref="IChannelAuthenticator.AuthenticateAsync"/>.</summary>
public sealed record ChannelAuthenticationResult
{
    /// <summary>Why it failed, or <see cref="AuthenticationFailureKind.None"/>.</summary>
    public AuthenticationFailureKind Failure { get; init; }

    /// <summary>Short, log-safe reason for a failure (never sent to the caller).</summary>
    public string? FailureReason { get; init; }

    /// <summary>The validated identity (anonymous identity in anonymous mode).</summary>
    public ClaimsIdentity? Identity { get; init; }

    /// <summary><c>callerId</c> to stamp on the activity (<c>urn:botframework:azure</c>, <c>urn:botframework:aadappid:…</c>), or null.</summary>
    public string? CallerId { get; init; }

    /// <summary>The app id the token was issued to (our bot), or null when anonymous.</summary>
    public string? AppId { get; init; }

    /// <summary>App id of the calling bot on the Entra path (the Emulator uses our own id).</summary>
    public string? CallerAppId { get; init; }

    /// <summary>True when the activity's serviceUrl was recorded as trusted for outbound calls.</summary>
    public bool ServiceUrlTrusted { get; init; }

    /// <summary>True when no app id is configured and the request carried no header.</summary>
    public bool IsAnonymous { get; init; }

    /// <summary>True when the request may be processed.</summary>
    public bool Succeeded => Failure == AuthenticationFailureKind.None;

    /// <summary>HTTP status to answer with when refused (401 or 403).</summary>
    public int StatusCode => Succeeded ? 200 : (int)Failure;

    internal static ChannelAuthenticationResult Unauthorized(string reason) =>
        new() { Failure = AuthenticationFailureKind.Unauthorized, FailureReason = reason };

    internal static ChannelAuthenticationResult Forbidden(string reason) =>
        new() { Failure = AuthenticationFailureKind.Forbidden, FailureReason = reason };
}
