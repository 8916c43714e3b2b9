using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SupportBot.Server.Tests.BotFramework;

/// <summary>
/// The Teams side of a Bot Framework conversation for process tests: a real Kestrel on 127.0.0.1 that is the
/// activities' serviceUrl (records every message the bot sends; can hold its answer to the first one so the turn
/// hangs), and the Teams-shaped personal-chat messages posted to a host's <c>/api/messages</c>.
/// </summary>
public sealed class TeamsServiceUrl : IAsyncDisposable
{
    private const string BotId = "28:6f3a1f0e-1111-4c3b-9a52-0b1d7c2f0001";
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? _app;
    private int _held;
    private int _next;

    /// <summary>Every message activity the bot sent, in arrival order (the held one included).</summary>
    public ConcurrentQueue<JsonNode> Replies { get; } = new();

    /// <summary>Hold the answer to the first message reply until <see cref="Release"/>.</summary>
    public bool HoldFirstReply { get; init; }

    public string ServiceUrl { get; private set; } = "";

    /// <summary>Completes when the first message reply arrived and is being held.</summary>
    public Task FirstReplyHeld => _firstHeld.Task;

    public static async Task<TeamsServiceUrl> StartAsync(bool holdFirstReply)
    {
        var channel = new TeamsServiceUrl { HoldFirstReply = holdFirstReply };
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Map("/{**rest}", (Func<HttpContext, Task<IResult>>)channel.HandleAsync);
        await app.StartAsync();
        channel._app = app;
        channel.ServiceUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
        return channel;
    }

    public void Release() => _released.TrySetResult();

    /// <summary>A Teams personal-chat message of <paramref name="conversationId"/> (Japanese locale), with a fresh id.</summary>
    public JsonObject Message(string conversationId, string text)
    {
        var id = $"{1_700_000_000_000 + Interlocked.Increment(ref _next)}";
        return new JsonObject
        {
            ["type"] = "message",
            ["id"] = id,
            ["timestamp"] = "2026-11-23T09:00:00.000Z",
            ["serviceUrl"] = ServiceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = "29:user-inbox", ["name"] = "Megan Bowen" },
            ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = Tenant },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "Support Bot" },
            ["locale"] = "ja-JP",
            ["textFormat"] = "plain",
            ["text"] = text,
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant } },
        };
    }

    /// <summary>POSTs <paramref name="activity"/> to the host's <c>/api/messages</c> (anonymous: no Authorization header).</summary>
    public static async Task<HttpStatusCode> PostAsync(HttpClient host, JsonObject activity)
    {
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await host.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
        return response.StatusCode;
    }

    /// <summary>The message replies to <paramref name="activityIds"/>, once each has at least one (or the timeout passed).</summary>
    public async Task<List<JsonNode>> WaitForRepliesToAsync(IReadOnlyCollection<string> activityIds, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var replies = Replies.Where(r => activityIds.Contains(ReplyTo(r) ?? "")).ToList();
            if (activityIds.All(id => replies.Any(r => ReplyTo(r) == id)) || DateTime.UtcNow > deadline)
            {
                return replies;
            }
            await Task.Delay(50);
        }
    }

    public static string? ReplyTo(JsonNode reply) => reply["replyToId"]?.GetValue<string>();

    /// <summary>
    /// The replies answer <paramref name="activityIds"/> in that order, one turn each: the replies of one activity
    /// come together, after those of the activity before, and none repeats (a turn run twice would repeat them).
    /// </summary>
    public static void AssertAnsweredInOrderOnce(IReadOnlyList<JsonNode> replies, IReadOnlyList<string> activityIds)
    {
        var order = new List<string>();
        foreach (var replyTo in replies.Select(ReplyTo))
        {
            if (order.Count == 0 || order[^1] != replyTo)
            {
                order.Add(replyTo!);
            }
        }
        Assert.Equal(activityIds, order);
        foreach (var group in replies.GroupBy(ReplyTo))
        {
            var texts = group.Select(r => r["text"]?.GetValue<string>() ?? r.ToJsonString()).ToList();
            Assert.True(texts.Count == texts.Distinct(StringComparer.Ordinal).Count(), $"activity {group.Key} was answered twice: {string.Join(" | ", texts)}");
        }
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body);
        if (body?["type"]?.GetValue<string>() == "message")
        {
            Replies.Enqueue(body);
            if (HoldFirstReply && Interlocked.Increment(ref _held) == 1)
            {
                _firstHeld.TrySetResult();
                await _released.Task.WaitAsync(TimeSpan.FromMinutes(3));
            }
        }
        return Results.Json(new { id = "reply-" + Guid.NewGuid().ToString("N") });
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
