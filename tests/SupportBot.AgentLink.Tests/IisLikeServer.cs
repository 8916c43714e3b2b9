using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SupportBot.AgentLink.Tests;

/// <summary>A real Kestrel server on 127.0.0.1 standing in for the license server: an IIS start page at /iis/.</summary>
public sealed class IisLikeServer : IAsyncDisposable
{
    private const string IisPage = """
        <!DOCTYPE html><html><head><title>IIS Windows Server</title></head>
        <body><a href="http://go.microsoft.com/fwlink/?linkid=66138"><img src="iisstart.png" alt="Internet Information Services"></a></body></html>
        """;

    private readonly WebApplication _app;

    private IisLikeServer(WebApplication app)
    {
        _app = app;
        var address = app.Urls.First();
        BaseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    public Uri BaseUrl { get; }

    public static async Task<IisLikeServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/iis/", () => Results.Content(IisPage, "text/html"));
        await app.StartAsync();
        return new IisLikeServer(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
