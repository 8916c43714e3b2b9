using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using SupportBot.Agent.Contracts;
using SupportBot.Schema;

namespace SupportBot.AgentLink.Tests;

/// <summary>The job queue and long-poll over real HTTP and a real SQLite file.</summary>
public sealed class JobQueueTests
{
    private static readonly AgentCheck OsCheck = new(CheckKinds.OsInfo, new Dictionary<string, string>());

    private static async Task<JobPollResponse> JobsOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync(AgentJsonContext.Default.JobPollResponse))!;
    }

    [Fact]
    public async Task TokenForOneConversationCannotPollOrAnswerAnother()
    {
        await using var host = await AgentLinkHost.StartAsync();
        var tokenA = await host.PairNewAsync("conv-a");
        var tokenB = await host.PairNewAsync("conv-b");
        var jobB = await host.Dispatcher.DispatchAsync("conv-b", OsCheck);

        Assert.Equal(HttpStatusCode.NoContent, (await host.PollAsync(tokenA, 0)).StatusCode);
        using var stolen = await host.PostResultAsync(tokenA, AgentLinkHost.Result(jobB.JobId, CheckKinds.OsInfo));
        Assert.Equal(HttpStatusCode.NotFound, stolen.StatusCode);
        Assert.Empty(host.Sink.Results);

        var polled = await JobsOf(await host.PollAsync(tokenB, 0));
        Assert.Equal(jobB.JobId, Assert.Single(polled.Jobs).JobId);
        Assert.NotNull(polled.ServerTime);
    }

    [Fact]
    public async Task LongPollAnswers204AfterTheWait()
    {
        await using var host = await AgentLinkHost.StartAsync();
        var token = await host.PairNewAsync("conv-a");
        var clock = Stopwatch.StartNew();

        using var response = await host.PollAsync(token, 1);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task LongPollAnswersAtOnceWhenAJobIsQueuedDuringTheWait()
    {
        await using var host = await AgentLinkHost.StartAsync();
        var token = await host.PairNewAsync("conv-a");
        var clock = Stopwatch.StartNew();
        var waiting = host.PollAsync(token, 25);
        await Task.Delay(500);

        var job = await host.Dispatcher.DispatchAsync("conv-a", new AgentCheck(CheckKinds.ProductVersion,
            new Dictionary<string, string> { ["product"] = "Passage", ["minimum"] = "2.5.0" }));

        var polled = await JobsOf(await waiting.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        var received = Assert.Single(polled.Jobs);
        Assert.Equal(job.JobId, received.JobId);
        Assert.Equal("2.5.0", received.Parameters["minimum"]);
        var started = Assert.Single(host.Sink.Started); // the host shows typing from here
        Assert.Equal(job.JobId, started.Job.JobId);
    }

    [Fact]
    public async Task ConcurrentPollsClaimAJobExactlyOnce()
    {
        await using var host = await AgentLinkHost.StartAsync();
        var token = await host.PairNewAsync("conv-a");
        var polls = Enumerable.Range(0, 8).Select(_ => host.PollAsync(token, 2)).ToArray();
        await Task.Delay(300);

        var job = await host.Dispatcher.DispatchAsync("conv-a", OsCheck);

        var responses = await Task.WhenAll(polls);
        var winners = responses.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
        Assert.Single(winners);
        Assert.All(responses.Except(winners), r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));
        Assert.Equal(job.JobId, Assert.Single((await JobsOf(winners[0])).Jobs).JobId);
    }

    [Fact]
    public async Task QueuedJobsAndTokensSurviveARestart()
    {
        string token, dataDir;
        CheckRequest job;
        await using (var first = await AgentLinkHost.StartAsync())
        {
            token = await first.PairNewAsync("conv-a");
            job = await first.Dispatcher.DispatchAsync("conv-a", OsCheck with { Timeout = TimeSpan.FromMinutes(5) });
            dataDir = first.DataDir;
        }

        await using var second = await AgentLinkHost.StartAsync(dataDir);
        var polled = await JobsOf(await second.PollAsync(token, 0));

        Assert.Equal(job.JobId, Assert.Single(polled.Jobs).JobId);
    }

    [Fact]
    public async Task ResultReachesTheSinkOnceAsAnAgentResultEvent()
    {
        await using var host = await AgentLinkHost.StartAsync();
        var token = await host.PairNewAsync("conv-a");
        var job = await host.Dispatcher.DispatchAsync("conv-a", OsCheck);
        await JobsOf(await host.PollAsync(token, 0));

        Assert.Equal(HttpStatusCode.BadRequest, (await host.PostResultAsync(token, AgentLinkHost.Result(job.JobId, CheckKinds.HttpProbe))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await host.PostResultAsync(token, AgentLinkHost.Result(job.JobId, CheckKinds.OsInfo))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await host.PostResultAsync(token, AgentLinkHost.Result(job.JobId, CheckKinds.OsInfo))).StatusCode); // a retry

        var delivered = Assert.Single(host.Sink.Results);
        var activity = delivered.ToActivity();
        Assert.Equal(ActivityTypes.Event, activity.Type);
        Assert.Equal("agent.result", activity.Name);
        Assert.Equal("conv-a", activity.Conversation?.Id);
        Assert.Equal("directline", activity.ChannelId);
        Assert.Equal(job.JobId, activity.Value!.Value.GetProperty("jobId").GetString());
        Assert.Equal("pass", activity.Value!.Value.GetProperty("status").GetString());
        Assert.Equal(CheckStatus.Pass, activity.GetValue<CheckResult>()!.Status); // how a flow reads it
        Assert.Single(await host.Dispatcher.ListResultsAsync("conv-a"));
    }

    [Fact]
    public async Task JobQueuedOnAnotherInstanceIsFoundByPollingTheStore()
    {
        await using var first = await AgentLinkHost.StartAsync();
        await using var second = await AgentLinkHost.StartAsync(first.DataDir); // same file and key, own signal
        var token = await first.PairNewAsync("conv-a");
        var waiting = second.PollAsync(token, 25);
        await Task.Delay(500);

        var job = await first.Dispatcher.DispatchAsync("conv-a", OsCheck);

        var polled = await JobsOf(await waiting.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal(job.JobId, Assert.Single(polled.Jobs).JobId);
    }

    [Fact]
    public async Task MalformedResultIsAProblem()
    {
        await using var host = await AgentLinkHost.StartAsync();
        var token = await host.PairNewAsync("conv-a");
        using var request = new HttpRequestMessage(HttpMethod.Post, AgentContract.ResultsPath)
        {
            Content = new StringContent("""{"jobId":"j-1","kind":"os-info","status":"pass"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", token);

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task UnansweredJobReachesTheSinkAsTimeout()
    {
        await using var host = await AgentLinkHost.StartAsync();
        await host.PairNewAsync("conv-a");
        var job = await host.Dispatcher.DispatchAsync("conv-a", OsCheck with { Timeout = TimeSpan.FromSeconds(1) });

        await host.Sink.WaitForAsync(1, TimeSpan.FromSeconds(15));

        var result = Assert.Single(host.Sink.Results).Result;
        Assert.Equal(job.JobId, result.JobId);
        Assert.Equal(CheckStatus.Timeout, result.Status);
    }

    [Fact]
    public async Task DispatchWithoutALinkFails()
    {
        await using var host = await AgentLinkHost.StartAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Dispatcher.DispatchAsync("nobody", OsCheck));
    }
}
