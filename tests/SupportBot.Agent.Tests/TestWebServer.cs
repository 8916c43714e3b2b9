using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SupportBot.Agent.Tests;

/// <summary>A real Kestrel server on 127.0.0.1 with an IIS-like page, a plain page, a slow page and an error page.</summary>
public sealed class TestWebServer : IAsyncDisposable
{
    public const string IisPageHtml = """
        <!DOCTYPE html><html><head><title>IIS Windows Server</title>
        <style>body{background-color:#0072C6;color:#fff}</style></head>
        <body><div id="container"><a href="http://go.microsoft.com/fwlink/?linkid=66138"><img src="iisstart.png" alt="Internet Information Services"></a></div></body></html>
        """;

    private readonly WebApplication _app;

    private TestWebServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public Uri Url(string path) => new(BaseUrl, path);

    public static async Task<TestWebServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/iis/", () => Results.Content(IisPageHtml, "text/html"));
        app.MapGet("/plain/", () => Results.Content("<html><body>Hello from a plain page</body></html>", "text/html"));
        app.MapGet("/error/", () => Results.StatusCode(500));
        app.MapGet("/moved/", () => Results.Redirect("https://elsewhere.example/"));
        app.MapGet("/slow/", async (CancellationToken ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
            return Results.Ok();
        });
        app.MapMethods("/clock/", ["HEAD", "GET"], (HttpContext http) =>
        {
            // Kestrel writes a Date header itself; a test can shift it with ?offsetSeconds=.
            if (double.TryParse(http.Request.Query["offsetSeconds"], out var offset))
                http.Response.Headers.Date = DateTimeOffset.UtcNow.AddSeconds(offset).ToString("R");
            return Results.Ok();
        });
        await app.StartAsync();
        var address = app.Urls.First();
        return new TestWebServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
