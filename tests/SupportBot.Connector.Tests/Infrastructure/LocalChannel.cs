using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace SupportBot.Connector.Tests.Infrastructure;

/// <summary>
/// A local channel (Bot Connector) plus a fake OAuth2 token endpoint. It records every request exactly as it
/// arrived (raw target, headers, body) and answers from a script of statuses (default 200 with an id).
/// </summary>
public sealed class LocalChannel : IAsyncDisposable
{
    private LocalServer? _server;
    private int _tokenRequests;

    public sealed record Recorded(string Method, string RawTarget, string? Authorization, string Body, DateTimeOffset At);

    public ConcurrentQueue<Recorded> Requests { get; } = new();
    public ConcurrentQueue<IDictionary<string, string>> TokenForms { get; } = new();
    public ConcurrentQueue<(int Status, string? RetryAfter)> Script { get; } = new();
    public int TokenRequests => Volatile.Read(ref _tokenRequests);
    public Uri BaseAddress => _server!.BaseAddress;
    public string TokenEndpoint => new Uri(BaseAddress, "tenant/oauth2/v2.0/token").ToString();

    public static async Task<LocalChannel> StartAsync()
    {
        var channel = new LocalChannel();
        channel._server = await LocalServer.StartAsync(app =>
        {
            app.MapPost("/tenant/oauth2/v2.0/token", async (HttpContext context) =>
            {
                var number = Interlocked.Increment(ref channel._tokenRequests);
                var form = await context.Request.ReadFormAsync();
                channel.TokenForms.Enqueue(form.ToDictionary(pair => pair.Key, pair => pair.Value.ToString()));
                return Results.Json(new { token_type = "Bearer", expires_in = 3600, ext_expires_in = 3600, access_token = $"app-token-{number}" });
            });
            app.Map("/{**rest}", async (HttpContext context) =>
            {
                using var reader = new StreamReader(context.Request.Body);
                var body = await reader.ReadToEndAsync();
                var raw = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
                channel.Requests.Enqueue(new Recorded(context.Request.Method, raw, context.Request.Headers.Authorization.ToString(), body, DateTimeOffset.UtcNow));
                if (channel.Script.TryDequeue(out var step) && step.Status != 200)
                {
                    if (step.RetryAfter is not null)
                    {
                        context.Response.Headers.RetryAfter = step.RetryAfter;
                    }

                    context.Response.Headers["X-Correlating-OperationId"] = "corr-1";
                    return Results.Json(new { error = new { code = "Scripted", message = "scripted failure" } }, statusCode: step.Status);
                }

                return raw.EndsWith("/members", StringComparison.Ordinal)
                    ? Results.Json(new[] { new { id = "29:user", name = "User" } })
                    : Results.Json(new { id = "activity-" + channel.Requests.Count });
            });
        });
        return channel;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
