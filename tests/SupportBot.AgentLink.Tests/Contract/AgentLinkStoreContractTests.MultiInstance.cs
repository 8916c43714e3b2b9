using SupportBot.AgentLink.Store;

namespace SupportBot.AgentLink.Tests.Contract;

/// <summary>What two instances on one database must agree on: one claim, one redeem, one revocation, one lock-out.</summary>
public abstract partial class AgentLinkStoreContractTests
{
    [Fact]
    public async Task AJobIsClaimedOnceWhenBothInstancesClaimAtOnce()
    {
        using var a = Open();
        using var b = Open();
        var id = NewId();
        Pair(a, id, "s1", Now);

        for (var round = 0; round < 100; round++)
        {
            var job = Job();
            Assert.True((round % 2 == 0 ? a : b).Jobs.Enqueue(id, job, Now));
            var claims = await AllAtOnce(4, i => (i % 2 == 0 ? a : b).Jobs.Claim(id, "s1", Now + 1));
            Assert.Equal([job.JobId], claims.SelectMany(c => c).Select(j => j.JobId));
        }
        Assert.Equal(100, a.Jobs.Count(id, "claimed"));
    }

    [Fact]
    public async Task OverdueJobsExpireOnceWhenBothInstancesSweep()
    {
        using var a = Open();
        using var b = Open();
        var id = NewId();
        Pair(a, id, "s1", Now);
        var jobs = Enumerable.Range(0, 40).Select(_ => Job(deadline: Now + Minute)).ToList();
        jobs.ForEach(j => a.Jobs.Enqueue(id, j, Now));

        var swept = await AllAtOnce(4, i => (i % 2 == 0 ? a : b).Jobs.ExpireDue(Now + Minute));

        Assert.Equal(jobs.Select(j => j.JobId).Order(), swept.SelectMany(s => s).Select(e => e.JobId).Order());
    }

    [Fact]
    public async Task ACodeRedeemedOnOneInstanceIsRefusedOnTheOther()
    {
        using var a = Open();
        using var b = Open();
        a.Links.AddCode(AgentLinkHost.Conversation("conv-a"), Hash("SHARED01"), Now, Now + 10 * Minute);
        Assert.Equal(RedeemOutcome.Paired, a.Links.Redeem(Hash("SHARED01"), Now + 1, "s1", Now + 120 * Minute, "1", "os").Outcome);
        Assert.Equal(RedeemOutcome.Used, b.Links.Redeem(Hash("SHARED01"), Now + 2, "s2", Now + 120 * Minute, "1", "os").Outcome);

        // The same fresh code sent to both instances at once pairs exactly once.
        for (var round = 0; round < 20; round++)
        {
            var code = $"RACE{round:0000}";
            b.Links.AddCode(AgentLinkHost.Conversation($"conv-{round}"), Hash(code), Now, Now + 10 * Minute);
            var outcomes = await AllAtOnce(4, i => (i % 2 == 0 ? a : b).Links.Redeem(Hash(code), Now + 1, $"s-{round}-{i}", Now + 120 * Minute, "1", "os").Outcome);
            Assert.Single(outcomes, o => o == RedeemOutcome.Paired);
            Assert.All(outcomes.Where(o => o != RedeemOutcome.Paired), o => Assert.Equal(RedeemOutcome.Used, o));
        }
    }

    [Fact]
    public void ARevocationOnOneInstanceIsSeenByTheOther()
    {
        using var a = Open();
        using var b = Open();
        var id = NewId();
        Pair(a, id, "s1", Now);
        Assert.Equal(new SessionRow("s1", id, Now + 120 * Minute, null, null), b.Links.FindSession("s1"));

        Assert.True(b.Links.End(id, Now + Minute));

        Assert.Equal(Now + Minute, a.Links.FindSession("s1")!.RevokedAtMs);
        Assert.False(a.Links.IsPaired(id, Now + Minute, Now));
    }

    [Fact]
    public void FailuresOnBothInstancesCountTowardsOneLockOut()
    {
        using var a = Open();
        using var b = Open();
        for (var i = 0; i < 5; i++)
        {
            (i % 2 == 0 ? a : b).Failures.RecordFailure("203.0.113.7", Now + i, Now - 15 * Minute);
        }

        Assert.Equal(new PairingFailureCounts(5, 5), a.Failures.CountFailures("203.0.113.7", Now - 1));
        Assert.Equal(new PairingFailureCounts(5, 5), b.Failures.CountFailures("203.0.113.7", Now - 1));
    }

    /// <summary>Runs <paramref name="count"/> calls released together (thread-pool threads held at one gate).</summary>
    private static async Task<T[]> AllAtOnce<T>(int count, Func<int, T> call)
    {
        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, count).Select(i => Task.Run(() =>
        {
            start.Wait();
            return call(i);
        })).ToList();
        start.Set();
        return await Task.WhenAll(tasks);
    }
}
