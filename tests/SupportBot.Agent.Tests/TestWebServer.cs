using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
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

    /// <summary>Starts on http://127.0.0.1:port, or https with a fresh self-signed certificate (CN=agent-test) when asked.</summary>
    public static async Task<TestWebServer> StartAsync(bool https = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        if (https)
        {
            var certificate = SelfSignedCertificate();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificate)));
        }
        else
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }
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

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=agent-test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(30));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
