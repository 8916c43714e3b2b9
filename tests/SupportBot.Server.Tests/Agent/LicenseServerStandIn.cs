using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SupportBot.Server.Tests.Agent;

/// <summary>
/// A real Kestrel server on 127.0.0.1 standing in for the license server: the IIS start page (what a reachable
/// Passage license server shows), or, for <see cref="StartOtherPageAsync"/>, some other page.
/// </summary>
public sealed class LicenseServerStandIn : IAsyncDisposable
{
    private const string IisPage = """
        <!DOCTYPE html><html><head><title>IIS Windows Server</title></head>
        <body><a href="http://go.microsoft.com/fwlink/?linkid=66138"><img src="iisstart.png" alt="Internet Information Services"></a></body></html>
        """;

    private const string OtherPage = "<!DOCTYPE html><html><head><title>Intranet</title></head><body>Welcome to the intranet.</body></html>";

    private readonly WebApplication _app;

    private LicenseServerStandIn(WebApplication app)
    {
        _app = app;
        var address = app.Urls.First();
        BaseUrl = address.EndsWith('/') ? address : address + "/";
        Port = new Uri(BaseUrl).Port;
    }

    /// <summary>The server's root URL, ending in a slash (<c>http://127.0.0.1:port/</c>).</summary>
    public string BaseUrl { get; }

    /// <summary>The port it listens on.</summary>
    public int Port { get; }

    /// <summary>The same server named <c>localhost</c> (a name a no_proxy list can tell apart from 127.0.0.1).</summary>
    public string LocalhostUrl => $"http://localhost:{Port}/";

    public static Task<LicenseServerStandIn> StartIisPageAsync() => StartAsync(IisPage, TimeSpan.Zero);

    public static Task<LicenseServerStandIn> StartOtherPageAsync() => StartAsync(OtherPage, TimeSpan.Zero);

    /// <summary>An IIS page that takes <paramref name="delay"/> to answer (a check still running when the helper stops).</summary>
    public static Task<LicenseServerStandIn> StartSlowIisPageAsync(TimeSpan delay) => StartAsync(IisPage, delay);

    private static async Task<LicenseServerStandIn> StartAsync(string page, TimeSpan delay)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/", async (HttpContext http) =>
        {
            if (delay > TimeSpan.Zero) await Task.Delay(delay, http.RequestAborted).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return Results.Content(page, "text/html");
        });
        await app.StartAsync();
        return new LicenseServerStandIn(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
