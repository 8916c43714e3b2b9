using System.Collections.Frozen;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SupportBot.Helpdesk.Auth;

namespace SupportBot.Helpdesk.ConsolePage;

/// <summary>
/// The staff console at <c>/helpdesk</c>: plain HTML/CSS/JS embedded in this assembly (no CDN, no
/// wwwroot in the host). The page itself needs an agent; the login page and assets are public.
/// </summary>
internal static class HelpdeskConsole
{
    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
    }.ToFrozenDictionary();

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/helpdesk", () => Embedded("index.html"))
            .RequireAuthorization(HelpdeskRoles.AgentPolicy).ExcludeFromDescription();
        endpoints.MapGet("/helpdesk/login", () => Embedded("login.html")).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapGet("/helpdesk/assets/{name}", (string name) => name is "helpdesk.css" or "helpdesk.js" or "login.js"
                ? Embedded(name)
                : Results.NotFound())
            .AllowAnonymous().ExcludeFromDescription();
    }

    private static IResult Embedded(string name)
    {
        var stream = typeof(HelpdeskConsole).Assembly.GetManifestResourceStream($"SupportBot.Helpdesk.Console.{name}");
        if (stream is null)
        {
            return Results.NotFound();
        }
        return new NoStoreStreamResult(stream, ContentTypes[Path.GetExtension(name)]);
    }

    // The page must not be cached: after sign-out, Back must not show another person's queue.
    private sealed class NoStoreStreamResult(Stream stream, string contentType) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.CacheControl = "no-store";
            httpContext.Response.Headers.XContentTypeOptions = "nosniff";
            httpContext.Response.Headers.ContentSecurityPolicy = "default-src 'self'; frame-ancestors 'none'";
            await Results.Stream(stream, contentType).ExecuteAsync(httpContext);
        }
    }
}
