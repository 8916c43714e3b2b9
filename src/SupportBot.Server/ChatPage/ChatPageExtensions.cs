namespace SupportBot.Server.ChatPage;

/// <summary>
/// <c>GET /</c>: the FAQ page with the 「チャットで聞く」 widget. Static files only (page, CSS, JS and
/// the Web Chat bundle copied from npm at build time) — no inline scripts, nothing from the internet.
/// </summary>
public static class ChatPageExtensions
{
    /// <summary>Serves <c>wwwroot</c> with <c>index.html</c> as the default document.</summary>
    public static WebApplication MapChatPage(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                if (context.File.Name.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
                {
                    // Scripts only from this host; Web Chat styles itself with inline <style> (emotion).
                    headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                        + "img-src 'self' data: blob:; connect-src 'self' ws: wss:; font-src 'self' data:; frame-ancestors 'self'";
                    headers.CacheControl = "no-cache";
                }
            },
        });
        return app;
    }
}
