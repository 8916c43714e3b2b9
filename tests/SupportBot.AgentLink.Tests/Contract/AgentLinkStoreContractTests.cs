using SupportBot.Agent.Contracts;
using SupportBot.AgentLink.Store;

namespace SupportBot.AgentLink.Tests.Contract;

/// <summary>
/// The agent-link store contract (links, pairing codes, sessions, failures, jobs): every engine derives from this
/// class and passes the same tests on a real database. Each <see cref="Open"/> is one more instance on the same
/// database (its own connection pool), or a restart.
/// </summary>
public abstract partial class AgentLinkStoreContractTests
{
    protected const long Now = 1_795_000_000_000; // 2026-11-18, in Unix milliseconds
    protected const long Minute = 60_000;

    /// <summary>Opens an instance's stores on this test's database.</summary>
    private protected abstract AgentLinkStoresUnderTest Open();

    protected static string NewId() => Guid.NewGuid().ToString("N");

    protected static string Hash(string code) => Pairing.PairingCodes.Hash(code);

    [Fact]
    public void ACodePairsOnceAndOpensASession()
    {
        using var stores = Open();
        Assert.True(stores.Links.AddCode(AgentLinkHost.Conversation("conv-a"), Hash("CODE0001"), Now, Now + 10 * Minute));

        Assert.Equal((RedeemOutcome.Paired, "conv-a"), stores.Links.Redeem(Hash("CODE0001"), Now + Minute, "s1", Now + 120 * Minute, "1.0.0", "linux"));
        Assert.Equal((RedeemOutcome.Used, null), stores.Links.Redeem(Hash("CODE0001"), Now + Minute, "s2", Now + 120 * Minute, "1.0.0", "linux"));
        Assert.Equal((RedeemOutcome.Invalid, null), stores.Links.Redeem(Hash("NOSUCHCO"), Now + Minute, "s3", Now + 120 * Minute, "1.0.0", "linux"));
        Assert.Null(stores.Links.FindSession("s2"));
        Assert.Equal(new SessionRow("s1", "conv-a", Now + 120 * Minute, null, null), stores.Links.FindSession("s1"));
        Assert.Equal("directline", stores.Links.OpenReference("conv-a")!.ChannelId);
    }

    [Fact]
    public void ExpiredAndReplacedCodesAreRefused()
    {
        using var stores = Open();
        stores.Links.AddCode(AgentLinkHost.Conversation("conv-a"), Hash("OLDCODE1"), Now, Now + 10 * Minute);
        stores.Links.AddCode(AgentLinkHost.Conversation("conv-a"), Hash("NEWCODE1"), Now + Minute, Now + 11 * Minute);
        stores.Links.AddCode(AgentLinkHost.Conversation("conv-b"), Hash("BCODE001"), Now, Now + 10 * Minute);

        Assert.Equal(RedeemOutcome.Invalid, stores.Links.Redeem(Hash("OLDCODE1"), Now + 2 * Minute, "s1", Now + 120 * Minute, "1", "os").Outcome);
        Assert.Equal(RedeemOutcome.Expired, stores.Links.Redeem(Hash("BCODE001"), Now + 10 * Minute, "s2", Now + 120 * Minute, "1", "os").Outcome);
        Assert.False(stores.Links.AddCode(AgentLinkHost.Conversation("conv-c"), Hash("NEWCODE1"), Now, Now + 10 * Minute)); // hash taken
        Assert.Equal(RedeemOutcome.Paired, stores.Links.Redeem(Hash("NEWCODE1"), Now + 2 * Minute, "s3", Now + 120 * Minute, "1", "os").Outcome);
    }

    [Fact]
    public void PresenceNeedsARecentPollAndEndingRevokesEverything()
    {
        using var stores = Open();
        var id = NewId();
        Pair(stores, id, "s1", Now);
        var job = Job();
        Assert.True(stores.Jobs.Enqueue(id, job, Now));

        Assert.True(stores.Links.IsPaired(id, Now + Minute, Now));
        Assert.False(stores.Links.IsPaired(id, Now + 5 * Minute, Now + 2 * Minute)); // not seen since
        stores.Links.Touch("s1", Now + 3 * Minute);
        Assert.True(stores.Links.IsPaired(id, Now + 5 * Minute, Now + 2 * Minute));

        Assert.True(stores.Links.End(id, Now + 6 * Minute));
        Assert.False(stores.Links.End(id, Now + 7 * Minute)); // already ended
        Assert.False(stores.Links.IsPaired(id, Now + 6 * Minute, Now));
        Assert.Equal(new SessionRow("s1", id, Now + 120 * Minute, Now + 6 * Minute, Now + 6 * Minute), stores.Links.FindSession("s1"));
        Assert.Null(stores.Links.OpenReference(id));
        Assert.NotNull(stores.Links.OpenReference(id, includeEnded: true));
        Assert.Equal(1, stores.Jobs.Count(id, "cancelled"));
        Assert.False(stores.Jobs.Enqueue(id, Job(), Now + 7 * Minute)); // no open link any more
    }

    [Fact]
    public void JobsAreClaimedOldestFirstAndAnsweredOnce()
    {
        using var stores = Open();
        var id = NewId();
        Pair(stores, id, "s1", Now);
        var jobs = Enumerable.Range(0, 12).Select(_ => Job()).ToList();
        jobs.ForEach(j => Assert.True(stores.Jobs.Enqueue(id, j, Now)));
        Assert.False(stores.Jobs.Enqueue(NewId(), Job(), Now)); // unknown conversation

        var first = stores.Jobs.Claim(id, "s1", Now + 1);
        Assert.Equal(jobs.Take(10).Select(j => j.JobId), first.Select(j => j.JobId)); // at most 10 a poll
        Assert.Equal("2.5.0", first[0].Parameters["minimum"]);
        Assert.Equal(jobs.Skip(10).Select(j => j.JobId), stores.Jobs.Claim(id, "s1", Now + 2).Select(j => j.JobId));
        Assert.Empty(stores.Jobs.Claim(id, "s1", Now + 3));

        Assert.Equal(CompleteOutcome.Accepted, stores.Jobs.Complete(id, AgentLinkHost.Result(jobs[0].JobId, CheckKinds.ProductVersion), Now + 4));
        Assert.Equal(CompleteOutcome.Duplicate, stores.Jobs.Complete(id, AgentLinkHost.Result(jobs[0].JobId, CheckKinds.ProductVersion), Now + 5));
        Assert.Equal(CompleteOutcome.KindMismatch, stores.Jobs.Complete(id, AgentLinkHost.Result(jobs[1].JobId, CheckKinds.OsInfo), Now + 5));
        Assert.Equal(CompleteOutcome.NotFound, stores.Jobs.Complete(NewId(), AgentLinkHost.Result(jobs[1].JobId, CheckKinds.ProductVersion), Now + 5));
        Assert.Equal(CompleteOutcome.Accepted, stores.Jobs.Complete(id, AgentLinkHost.Result(jobs[1].JobId, CheckKinds.ProductVersion, CheckStatus.Fail), Now + 6));

        var results = stores.Jobs.Results(id);
        Assert.Equal([jobs[0].JobId, jobs[1].JobId], results.Select(r => r.JobId));
        Assert.Equal([CheckStatus.Pass, CheckStatus.Fail], results.Select(r => r.Status));
        Assert.Equal("linux", results[0].Facts["osPlatform"].ToString());
        Assert.Equal(2, stores.Jobs.Count(id, "done"));
        Assert.Equal(10, stores.Jobs.Count(id, "claimed"));
    }

    [Fact]
    public void OverdueJobsExpireOnceAndALateAnswerIsKeptButNotAccepted()
    {
        using var stores = Open();
        var id = NewId();
        Pair(stores, id, "s1", Now);
        var job = Job(deadline: Now + Minute);
        stores.Jobs.Enqueue(id, job, Now);

        Assert.Empty(stores.Jobs.ExpireDue(Now + Minute - 1));
        Assert.Empty(stores.Jobs.Claim(id, "s1", Now + Minute)); // past its deadline: not handed out
        Assert.Equal([new ExpiredJob(id, job.JobId, CheckKinds.ProductVersion)], stores.Jobs.ExpireDue(Now + Minute));
        Assert.Empty(stores.Jobs.ExpireDue(Now + 2 * Minute));

        Assert.Equal(CompleteOutcome.Late, stores.Jobs.Complete(id, AgentLinkHost.Result(job.JobId, CheckKinds.ProductVersion), Now + 2 * Minute));
        Assert.Equal(1, stores.Jobs.Count(id, "expired"));
        Assert.Single(stores.Jobs.Results(id)); // kept for the helpdesk
    }

    [Fact]
    public void PairingFailuresAreCountedPerAddressAndInTotalWithinTheWindow()
    {
        using var stores = Open();
        stores.Failures.RecordFailure("10.0.0.1", Now, Now - 15 * Minute);
        stores.Failures.RecordFailure("10.0.0.1", Now + Minute, Now - 14 * Minute);
        stores.Failures.RecordFailure("10.0.0.2", Now + 2 * Minute, Now - 13 * Minute);

        Assert.Equal(new PairingFailureCounts(2, 3), stores.Failures.CountFailures("10.0.0.1", Now - 1));
        Assert.Equal(new PairingFailureCounts(0, 3), stores.Failures.CountFailures("10.0.0.9", Now - 1));
        Assert.Equal(new PairingFailureCounts(1, 2), stores.Failures.CountFailures("10.0.0.1", Now)); // the first has aged out
        // Recording forgets what is older than the window.
        stores.Failures.RecordFailure("10.0.0.3", Now + 20 * Minute, Now + Minute);
        Assert.Equal(new PairingFailureCounts(0, 2), stores.Failures.CountFailures("10.0.0.1", 0));
    }

    [Fact]
    public void LinksJobsAndFailuresSurviveARestart()
    {
        var id = NewId();
        var job = Job();
        using (var first = Open())
        {
            Pair(first, id, "s1", Now);
            first.Jobs.Enqueue(id, job, Now);
            first.Failures.RecordFailure("10.0.0.1", Now, 0);
        }

        using var second = Open();
        Assert.Equal(id, second.Links.FindSession("s1")!.ConversationId);
        Assert.Equal([job.JobId], second.Jobs.Claim(id, "s1", Now + 1).Select(j => j.JobId));
        Assert.Equal(new PairingFailureCounts(1, 1), second.Failures.CountFailures("10.0.0.1", 0));
    }

    protected static CheckRequest Job(long deadline = Now + 30 * Minute) => new(NewId(), CheckKinds.ProductVersion,
        new Dictionary<string, string> { ["product"] = "Passage", ["minimum"] = "2.5.0" }, DateTimeOffset.FromUnixTimeMilliseconds(deadline));

    private static void Pair(AgentLinkStoresUnderTest stores, string conversationId, string sessionId, long now)
    {
        var code = "C" + sessionId + conversationId;
        Assert.True(stores.Links.AddCode(AgentLinkHost.Conversation(conversationId), Hash(code), now, now + 10 * Minute));
        Assert.Equal(RedeemOutcome.Paired, stores.Links.Redeem(Hash(code), now, sessionId, now + 120 * Minute, "1.0.0", "linux").Outcome);
    }
}
