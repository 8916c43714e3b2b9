using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SupportBot.Connector.Tests.Infrastructure;

namespace SupportBot.Connector.Tests.BotFramework;

/// <summary>
/// A channel (serviceUrl) on a real Kestrel that records the bot's message replies and, while <see cref="Holding"/>,
/// does not answer them: the turn that sends one hangs, and the turns queued behind it wait.
/// </summary>
public sealed class HoldingChannel : IAsyncDisposable
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private LocalServer? _server;

    public ConcurrentQueue<JsonElement> Messages { get; } = new();
    public bool Holding { get; private set; }
    public string ServiceUrl => _server!.BaseAddress.ToString();

    public static async Task<HoldingChannel> StartAsync(bool hold)
    {
        var channel = new HoldingChannel { Holding = hold };
        channel._server = await LocalServer.StartAsync(app => app.Map("/{**rest}", async (HttpContext context) =>
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            var activity = body.RootElement.Clone();
            if (activity.TryGetProperty("type", out var type) && type.GetString() == "message")
            {
                channel.Messages.Enqueue(activity);
                if (channel.Holding)
                {
                    await channel._released.Task.WaitAsync(TimeSpan.FromSeconds(60));
                }
            }
            return Results.Json(new { id = "reply-" + Guid.NewGuid().ToString("N") });
        }));
        return channel;
    }

    public void Release()
    {
        Holding = false;
        _released.TrySetResult();
    }

    public IReadOnlyList<string?> Texts => [.. Messages.Select(m => m.GetProperty("text").GetString())];

    public async Task<IReadOnlyList<string?>> WaitForTextsAsync(int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (Messages.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(25);
        }
        return Texts;
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
