using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SupportBot.Testing;

/// <summary>
/// A real Kestrel webhook endpoint on 127.0.0.1 (<c>POST /hook</c>): records every request, answers 500 to the first
/// N (or until <see cref="Recover"/>), then 200.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _failuresLeft;

    private WebhookReceiver(WebApplication app, int failFirst)
    {
        _app = app;
        _failuresLeft = failFirst;
    }

    /// <summary>Every request seen, failed or accepted.</summary>
    public ConcurrentQueue<WebhookRequest> Requests { get; } = new();

    /// <summary>Requests answered 200.</summary>
    public ConcurrentQueue<WebhookRequest> Accepted { get; } = new();

    /// <summary>The endpoint's URL.</summary>
    public string Url { get; private set; } = "";

    /// <summary>Starts the receiver; it fails the first <paramref name="failFirst"/> requests (int.MaxValue: until <see cref="Recover"/>).</summary>
    public static async Task<WebhookReceiver> StartAsync(int failFirst = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, failFirst);
        app.MapPost("/hook", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var request = new WebhookRequest(buffer.ToArray(), context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
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

    /// <summary>Waits until at least one request was accepted.</summary>
    public Task WaitForAcceptedAsync(TimeSpan timeout) =>
        WaitAsync(() => !Accepted.IsEmpty, timeout, () => $"No accepted delivery within {timeout}; {Requests.Count} requests seen.");

    /// <summary>Waits until <paramref name="count"/> requests were seen.</summary>
    public Task WaitForRequestsAsync(int count, TimeSpan timeout) =>
        WaitAsync(() => Requests.Count >= count, timeout, () => $"Only {Requests.Count} of {count} requests within {timeout}.");

    /// <summary>Waits (generous timeout, only against hangs) until <paramref name="condition"/> holds.</summary>
    public static Task WaitUntilAsync(Func<bool> condition, string what) =>
        WaitAsync(condition, TimeSpan.FromSeconds(90), () => "Timed out waiting for " + what);

    private static async Task WaitAsync(Func<bool> condition, TimeSpan timeout, Func<string> failure)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!condition())
        {
            if (deadline.IsCancellationRequested)
            {
                throw new TimeoutException(failure());
            }
            await Task.Delay(50, CancellationToken.None);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>One POST the receiver saw.</summary>
public sealed record WebhookRequest(byte[] Body, IReadOnlyDictionary<string, string> Headers);
