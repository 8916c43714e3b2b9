using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SupportBot.Server.Tests.Helpdesk;

/// <summary>A real Kestrel webhook endpoint on 127.0.0.1: records every POST, answers 500 while failing, else 200.</summary>
internal sealed class HookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _failuresLeft;

    private HookReceiver(WebApplication app, int failFirst)
    {
        _app = app;
        _failuresLeft = failFirst;
    }

    /// <summary>Every request seen, failed or accepted.</summary>
    public ConcurrentQueue<HookRequest> Requests { get; } = new();

    /// <summary>Requests answered 200.</summary>
    public ConcurrentQueue<HookRequest> Accepted { get; } = new();

    public string Url { get; private set; } = "";

    /// <summary>Fails every request until <see cref="Recover"/> (failFirst = int.MaxValue) or the first <paramref name="failFirst"/>.</summary>
    public static async Task<HookReceiver> StartAsync(int failFirst)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new HookReceiver(app, failFirst);
        app.MapPost("/hook", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var request = new HookRequest(buffer.ToArray(), context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
            receiver.Requests.Enqueue(request);
            if (Interlocked.Decrement(ref receiver._failuresLeft) >= 0)
            {
                return Results.StatusCode(500);
            }
            receiver.Accepted.Enqueue(request);
            return Results.Ok();
        });
        await app.StartAsync();
        receiver.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook";
        return receiver;
    }

    /// <summary>From now on every request is accepted.</summary>
    public void Recover() => Volatile.Write(ref _failuresLeft, 0);

    /// <summary>Waits (generous timeout, only against hangs) until <paramref name="condition"/> holds.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (!condition())
        {
            Assert.False(timeout.IsCancellationRequested, "Timed out waiting for " + what);
            await Task.Delay(100, CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>One POST the receiver saw.</summary>
internal sealed record HookRequest(byte[] Body, IReadOnlyDictionary<string, string> Headers);
