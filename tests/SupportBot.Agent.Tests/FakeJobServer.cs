using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SupportBot.Agent.Contracts;

namespace SupportBot.Agent.Tests;

/// <summary>
/// A real Kestrel app implementing the agent HTTP contract (README of SupportBot.Agent.Contracts) the simplest way:
/// one pairing code, one token, a queue of job batches; after <c>EndAfterResults</c> results every poll answers 410.
/// </summary>
public sealed class FakeJobServer : IAsyncDisposable
{
    public const string Code = "K7P2QX";
    private const string Token = "agent-token-for-tests";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<IReadOnlyList<CheckRequest>> _batches = new();
    private readonly SemaphoreSlim _jobArrived = new(0);

    private FakeJobServer(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;
    public ConcurrentQueue<CheckResult> Received { get; } = new();
    public ConcurrentQueue<string> Log { get; } = new();
    public int EndAfterResults { get; set; } = int.MaxValue;
    public TimeSpan HoldPoll { get; set; } = TimeSpan.FromSeconds(1);
    public bool RevokeToken { get; set; }
    public int FailNextResultPosts { get; set; }
    public TaskCompletionSource FirstPoll { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Enqueue(params CheckRequest[] jobs)
    {
        _batches.Enqueue(jobs);
        _jobArrived.Release();
    }

    public static async Task<FakeJobServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeJobServer(app);
        server.Map(app);
        await app.StartAsync();
        server.BaseUrl = new Uri(app.Urls.First());
        return server;
    }

    private void Map(WebApplication app)
    {
        app.MapPost(AgentContract.PairPath, async (HttpContext http) =>
        {
            var request = await http.Request.ReadFromJsonAsync(AgentJsonContext.Default.PairRequest);
            Log.Enqueue($"pair {request?.Code} {request?.AgentVersion}");
            if (request?.Code != Code) return Results.Json(new AgentError("invalid_code"), AgentJsonContext.Default.AgentError, statusCode: 404);
            return Results.Json(new PairResponse(Token, AgentContract.JobsPath, AgentContract.ResultsPath, DateTimeOffset.UtcNow.AddHours(1)),
                AgentJsonContext.Default.PairResponse);
        });
        app.MapGet(AgentContract.JobsPath, async (HttpContext http, int? wait) =>
        {
            if (!Authorized(http)) return Results.Unauthorized();
            Log.Enqueue($"poll wait={wait}");
            FirstPoll.TrySetResult();
            if (Received.Count >= EndAfterResults) return Results.StatusCode(410);
            var hold = TimeSpan.FromSeconds(Math.Min(wait ?? 0, HoldPoll.TotalSeconds));
            if (await _jobArrived.WaitAsync(hold, http.RequestAborted) && _batches.TryDequeue(out var jobs))
                return Results.Json(new JobPollResponse(jobs, DateTimeOffset.UtcNow), AgentJsonContext.Default.JobPollResponse);
            return Results.NoContent();
        });
        app.MapPost(AgentContract.ResultsPath, async (HttpContext http) =>
        {
            if (!Authorized(http)) return Results.Unauthorized();
            if (FailNextResultPosts > 0 && FailNextResultPosts-- > 0) return Results.StatusCode(503); // the agent must retry
            var result = await http.Request.ReadFromJsonAsync(AgentJsonContext.Default.CheckResult);
            if (result is null) return Results.BadRequest();
            Received.Enqueue(result);
            Log.Enqueue($"result {result.JobId} {result.Status}");
            return Results.Accepted();
        });
    }

    private bool Authorized(HttpContext http) => !RevokeToken && http.Request.Headers.Authorization.ToString() == "Bearer " + Token;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
