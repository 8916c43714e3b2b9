using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SupportBot.Server.Tests.Agent;

/// <summary>
/// A real Kestrel server on 127.0.0.1 playing a Bot Framework channel's connector (the <c>serviceUrl</c>): it records
/// every activity the bot sends to <c>/v3/conversations/{id}/activities[/{replyTo}]</c> and answers with an id.
/// </summary>
public sealed class LocalChannelServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalChannelServer(WebApplication app, ConcurrentQueue<JsonNode> received)
    {
        _app = app;
        Received = received;
        var address = app.Urls.First();
        ServiceUrl = address.EndsWith('/') ? address : address + "/";
    }

    public string ServiceUrl { get; }

    /// <summary>Activities received from the bot, in arrival order.</summary>
    public ConcurrentQueue<JsonNode> Received { get; }

    public static async Task<LocalChannelServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var received = new ConcurrentQueue<JsonNode>();
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyTo?}", async (HttpContext http) =>
        {
            var activity = await JsonNode.ParseAsync(http.Request.Body);
            received.Enqueue(activity!);
            return Results.Json(new { id = Guid.NewGuid().ToString("N") });
        });
        await app.StartAsync();
        return new LocalChannelServer(app, received);
    }

    /// <summary>Waits until a received message satisfies <paramref name="done"/>.</summary>
    public async Task<JsonNode> WaitForAsync(Func<JsonNode, bool> done, TimeSpan limit)
    {
        using var deadline = new CancellationTokenSource(limit);
        while (true)
        {
            if (Received.FirstOrDefault(done) is { } found) return found;
            try
            {
                await Task.Delay(100, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Nothing matching within {limit}. Received:\n{string.Join("\n", Received.Select(a => a["type"] + ": " + a["text"]))}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
