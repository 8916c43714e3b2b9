using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace SupportBot.Helpdesk.Auth;

/// <summary>
/// Registers the helpdesk's own schemes (never the host's default): a policy scheme that forwards to
/// Basic or bearer when the request carries that header and to the console cookie otherwise, plus the
/// agent/admin policies. API requests get 401/403; console pages redirect to the login page.
/// </summary>
internal static class HelpdeskAuthentication
{
    public static void Add(IServiceCollection services, HelpdeskOptions options)
    {
        var oidc = !string.IsNullOrWhiteSpace(options.Oidc.Authority);
        var authentication = services.AddAuthentication()
            .AddPolicyScheme(HelpdeskRoles.Scheme, "SupportBot helpdesk", o => o.ForwardDefaultSelector = context =>
            {
                var header = context.Request.Headers.Authorization.ToString();
                if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
                {
                    return HelpdeskRoles.BasicScheme;
                }
                return oidc && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? HelpdeskRoles.BearerScheme : HelpdeskRoles.CookieScheme;
            })
            .AddCookie(HelpdeskRoles.CookieScheme, o =>
            {
                o.Cookie.Name = "SupportBot.Helpdesk";
                o.Cookie.HttpOnly = true;
                // Strict: a cross-site page cannot ride the staff session (CSRF) on the JSON API.
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.LoginPath = "/helpdesk/login";
                o.Events.OnRedirectToLogin = context => Refuse(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            })
            .AddScheme<AuthenticationSchemeOptions, BasicAuthenticationHandler>(HelpdeskRoles.BasicScheme, null);
        if (oidc)
        {
            // Microsoft.AspNetCore.Authentication.OpenIdConnect is not installable here, so production sign-in is
            // OIDC bearer tokens on the API (JwtBearer reads the authority's discovery document and keys).
            authentication.AddJwtBearer(HelpdeskRoles.BearerScheme, o =>
            {
                o.Authority = options.Oidc.Authority;
                o.Audience = options.Oidc.ClientId;
                o.MapInboundClaims = false;
                o.TokenValidationParameters.RoleClaimType = options.Oidc.RoleClaim;
                o.TokenValidationParameters.NameClaimType = "preferred_username";
            });
        }
        services.AddAuthorizationBuilder()
            .AddPolicy(HelpdeskRoles.AgentPolicy, p => p.AddAuthenticationSchemes(HelpdeskRoles.Scheme).RequireAuthenticatedUser()
                .RequireRole(HelpdeskRoles.Agent, HelpdeskRoles.Admin))
            .AddPolicy(HelpdeskRoles.AdminPolicy, p => p.AddAuthenticationSchemes(HelpdeskRoles.Scheme).RequireAuthenticatedUser()
                .RequireRole(HelpdeskRoles.Admin));
    }

    private static Task Refuse(RedirectContext<CookieAuthenticationOptions> context, int apiStatus)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = apiStatus;
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"SupportBot helpdesk\", charset=\"UTF-8\"";
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
