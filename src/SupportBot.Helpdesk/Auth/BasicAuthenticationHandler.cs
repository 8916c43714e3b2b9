using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SupportBot.Helpdesk.Auth;

/// <summary>HTTP Basic for tools calling <c>/api/helpdesk</c>; refused on plain HTTP unless <see cref="HelpdeskOptions.AllowBasicOverHttp"/>.</summary>
public sealed class BasicAuthenticationHandler : AuthenticationHandler<AuthenticationSchemeOptions>
{
    private readonly StaffDirectory _staff;
    private readonly IOptionsMonitor<HelpdeskOptions> _helpdesk;

    /// <summary>Creates the handler.</summary>
    public BasicAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
        StaffDirectory staff, IOptionsMonitor<HelpdeskOptions> helpdesk)
        : base(options, logger, encoder)
    {
        _staff = staff;
        _helpdesk = helpdesk;
    }

    /// <inheritdoc />
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header)
            || !"Basic".Equals(header.Scheme, StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        if (!Request.IsHttps && !_helpdesk.CurrentValue.AllowBasicOverHttp)
        {
            return Task.FromResult(AuthenticateResult.Fail("HTTP Basic is accepted over HTTPS only."));
        }
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
        }
        catch (FormatException)
        {
            return Task.FromResult(AuthenticateResult.Fail("Malformed Basic credentials."));
        }
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return Task.FromResult(AuthenticateResult.Fail("Malformed Basic credentials."));
        }
        var principal = _staff.SignIn(decoded[..colon], decoded[(colon + 1)..], Scheme.Name);
        if (principal is null)
        {
            HelpdeskLog.SignInFailed(Logger, decoded[..colon]);
            return Task.FromResult(AuthenticateResult.Fail("Invalid user name or password."));
        }
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
    }

    /// <inheritdoc />
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Basic realm=\"SupportBot helpdesk\", charset=\"UTF-8\"";
        return Task.CompletedTask;
    }
}
