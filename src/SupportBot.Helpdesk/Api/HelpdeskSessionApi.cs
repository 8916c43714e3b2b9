using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using SupportBot.Helpdesk.Auth;

namespace SupportBot.Helpdesk.Api;

/// <summary>Console sign-in and sign-out (JSON, so a cross-site HTML form cannot post it) and "who am I".</summary>
internal static class HelpdeskSessionApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/login", async (LoginRequest request, StaffDirectory staff, HttpContext http, ILoggerFactory loggers) =>
            {
                var principal = string.IsNullOrEmpty(request.UserName) || string.IsNullOrEmpty(request.Password)
                    ? null
                    : staff.SignIn(request.UserName, request.Password, HelpdeskRoles.CookieScheme);
                if (principal is null)
                {
                    HelpdeskLog.SignInFailed(loggers.CreateLogger("SupportBot.Helpdesk.Login"), request.UserName ?? "");
                    return Results.Json(new ApiError("ユーザー名またはパスワードが違います。"), HelpdeskJson.Options, statusCode: StatusCodes.Status401Unauthorized);
                }
                await http.SignInAsync(HelpdeskRoles.CookieScheme, principal);
                return HelpdeskApi.Json(Describe(principal));
            })
            .AllowAnonymous()
            .WithSummary("Sign in with a local staff account; sets the console cookie.")
            .Produces<StaffResponse>().Produces<ApiError>(StatusCodes.Status401Unauthorized);

        api.MapPost("/logout", async (HttpContext http) =>
            {
                await http.SignOutAsync(HelpdeskRoles.CookieScheme);
                return Results.NoContent();
            })
            .AllowAnonymous()
            .WithSummary("Sign out of the console.");

        api.MapGet("/me", (ClaimsPrincipal user) => HelpdeskApi.Json(Describe(user)))
            .RequireAuthorization(HelpdeskRoles.AgentPolicy)
            .WithSummary("The signed-in staff member.")
            .Produces<StaffResponse>();
    }

    private static StaffResponse Describe(ClaimsPrincipal user)
    {
        var staff = HelpdeskApi.Staff(user);
        return new StaffResponse(staff.UserName, staff.DisplayName, [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)]);
    }
}
