using System.Net;
using System.Net.Http.Json;
using SupportBot.Agent.Contracts;
using SupportBot.Testing;

namespace SupportBot.AgentLink.Tests.Contract;

/// <summary>
/// Two real agent-link hosts (Kestrel on 127.0.0.1), each with its own data directory and no configured key,
/// sharing one real PostgreSQL database: what an agent behind a round-robin load balancer sees.
/// </summary>
public sealed class PostgreSqlTwoHostsTests : IDisposable
{
    private static readonly AgentCheck OsCheck = new(CheckKinds.OsInfo, new Dictionary<string, string>());
    private readonly PostgreSqlTestDatabase _database = PostgreSqlTestDatabase.Create();

    private Task<AgentLinkHost> StartAsync() =>
        AgentLinkHost.StartAsync(settings: new Dictionary<string, string?> { ["ConnectionStrings:SupportBot"] = _database.ConnectionString });

    [Fact]
    public async Task ACodeATokenAndAJobWorkAcrossInstances()
    {
        await using var a = await StartAsync();
        await using var b = await StartAsync();
        var code = await a.Pairing.CreateCodeAsync(AgentLinkHost.Conversation("conv-a"));

        using var paired = await b.PairAsync(code.Code);
        Assert.Equal(HttpStatusCode.OK, paired.StatusCode);
        var token = (await paired.Content.ReadFromJsonAsync(AgentJsonContext.Default.PairResponse))!.AgentToken;
        using var reused = await a.PairAsync(code.Code);
        Assert.Equal(HttpStatusCode.NotFound, reused.StatusCode);

        // Queued on A, handed out by B (its long-poll re-reads the store), answered on A: one result, once.
        var job = await a.Dispatcher.DispatchAsync("conv-a", OsCheck);
        using var poll = await b.PollAsync(token, 10);
        Assert.Equal(HttpStatusCode.OK, poll.StatusCode);
        var polled = await poll.Content.ReadFromJsonAsync(AgentJsonContext.Default.JobPollResponse);
        Assert.Equal(job.JobId, Assert.Single(polled!.Jobs).JobId);
        Assert.Equal(HttpStatusCode.NoContent, (await a.PollAsync(token, 0)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await a.PostResultAsync(token, AgentLinkHost.Result(job.JobId, CheckKinds.OsInfo))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await b.PostResultAsync(token, AgentLinkHost.Result(job.JobId, CheckKinds.OsInfo))).StatusCode); // a retry elsewhere
        Assert.Single(a.Sink.Results.Concat(b.Sink.Results));
        Assert.Single(await b.Dispatcher.ListResultsAsync("conv-a"));
        Assert.True(await b.Presence.IsPairedAsync("conv-a"));

        // Ended on B: the token is refused on A at once.
        await b.Pairing.EndConversationAsync("conv-a");
        Assert.Equal(HttpStatusCode.Gone, (await a.PollAsync(token, 0)).StatusCode);
    }

    [Fact]
    public async Task WrongCodesOnBothInstancesAddUpToOneLockOut()
    {
        await using var a = await StartAsync();
        await using var b = await StartAsync();
        var code = await a.Pairing.CreateCodeAsync(AgentLinkHost.Conversation("conv-a"));

        for (var i = 0; i < 5; i++) // the default limit per address is 5
        {
            using var wrong = await (i % 2 == 0 ? a : b).PairAsync("WRNG" + "2345"[i % 4] + "ABC");
            Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        }

        using var onA = await a.PairAsync(code.Code);
        using var onB = await b.PairAsync(code.Code);
        Assert.Equal(HttpStatusCode.TooManyRequests, onA.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, onB.StatusCode);
    }

    public void Dispose() => _database.Dispose();
}
