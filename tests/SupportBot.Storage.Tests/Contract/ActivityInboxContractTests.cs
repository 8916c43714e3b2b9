namespace SupportBot.Storage.Tests.Contract;

/// <summary>
/// The activity inbox contract (issue #8), on every engine: entries written before the 202 are there after the writer
/// dies, are claimed by the next holder in received order, once, and completed entries are gone.
/// </summary>
public abstract class ActivityInboxContractTests
{
    protected static CancellationToken Ct => CancellationToken.None;

    protected ManualClock Clock { get; } = new();

    /// <summary>How long a hold lasts on engines with leases.</summary>
    protected static TimeSpan Lease => TimeSpan.FromSeconds(30);

    /// <summary>The inbox of a new process on this test's database (<paramref name="owner"/> names the instance).</summary>
    protected abstract IActivityInbox Open(string owner);

    /// <summary>The previous holder is dead: what it held becomes claimable (SQLite: a restart; PostgreSQL: its lease runs out).</summary>
    protected abstract IActivityInbox RestartAfterDeathOf(IActivityInbox dead, string newOwner);

    protected static string Json(string conversation, string id, string text) =>
        $$"""{"type":"message","id":"{{id}}","conversation":{"id":"{{conversation}}"},"text":"{{text}}"}""";

    protected async Task<long> AddAsync(IActivityInbox inbox, string conversation, string id) =>
        await inbox.AddAsync(conversation, id, Json(conversation, id, "text of " + id), Clock.GetUtcNow(), Ct);

    [Fact]
    public async Task Completed_entries_are_gone_and_the_others_stay()
    {
        var inbox = Open("a");
        var first = await AddAsync(inbox, "c1", "m1");
        var second = await AddAsync(inbox, "c1", "m2");
        Assert.True(second > first);
        Assert.Equal(2, await inbox.CountAsync(Ct));

        await inbox.CompleteAsync(first, Ct);
        await inbox.CompleteAsync(first, Ct); // twice: ignored

        Assert.Equal(1, await inbox.CountAsync(Ct));
    }

    [Fact]
    public async Task A_live_holders_entries_are_not_claimable()
    {
        var inbox = Open("a");
        await AddAsync(inbox, "c1", "m1");

        Assert.Empty(await inbox.ClaimAbandonedAsync(10, Ct));
    }

    [Fact]
    public async Task After_the_holder_dies_its_entries_are_claimed_in_received_order_with_their_content_once()
    {
        var dead = Open("a");
        var received = Clock.GetUtcNow();
        var x1 = await AddAsync(dead, "x", "x1");
        var y1 = await AddAsync(dead, "y", "y1");
        var x2 = await AddAsync(dead, "x", "x2");
        var x3 = await AddAsync(dead, "x", "x3");
        await dead.CompleteAsync(y1, Ct); // its turn was over

        var next = RestartAfterDeathOf(dead, "b");
        var own = await AddAsync(next, "x", "x4"); // accepted by the new holder: held, not abandoned
        var claimed = await next.ClaimAbandonedAsync(10, Ct);

        Assert.Equal([x1, x2, x3], claimed.Select(e => e.Id));
        Assert.Equal(["x1", "x2", "x3"], claimed.Select(e => e.ActivityId));
        Assert.All(claimed, e => Assert.Equal("x", e.ConversationId));
        Assert.Equal(Json("x", "x2", "text of x2"), claimed[1].ActivityJson);
        Assert.Equal(received.ToUnixTimeMilliseconds(), claimed[0].ReceivedAt.ToUnixTimeMilliseconds());
        Assert.All(claimed, e => Assert.Equal(1, e.Claims));
        Assert.DoesNotContain(own, claimed.Select(e => e.Id));
        Assert.Empty(await next.ClaimAbandonedAsync(10, Ct)); // claimed once
    }

    [Fact]
    public async Task Claims_respect_the_limit_and_continue_in_order()
    {
        var dead = Open("a");
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await AddAsync(dead, "c", $"m{i}"));
        }

        var next = RestartAfterDeathOf(dead, "b");
        var first = await next.ClaimAbandonedAsync(2, Ct);
        var rest = await next.ClaimAbandonedAsync(10, Ct);

        Assert.Equal(ids.Take(2), first.Select(e => e.Id));
        Assert.Equal(ids.Skip(2), rest.Select(e => e.Id));
    }

    [Fact]
    public async Task Released_entries_are_claimable_again_in_order()
    {
        var dead = Open("a");
        var ids = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(await AddAsync(dead, "c", $"m{i}"));
        }

        var next = RestartAfterDeathOf(dead, "b");
        var claimed = await next.ClaimAbandonedAsync(10, Ct);
        await next.ReleaseAsync([ids[2], ids[3]], Ct); // the queue was full for the tail

        var again = await next.ClaimAbandonedAsync(10, Ct);
        Assert.Equal(4, claimed.Count);
        Assert.Equal([ids[2], ids[3]], again.Select(e => e.Id));
        Assert.All(again, e => Assert.Equal(1, e.Claims)); // a give-back is not counted as a death
    }

    [Fact]
    public async Task Every_death_counts_a_claim()
    {
        var first = Open("a");
        var id = await AddAsync(first, "c", "m1");

        var second = RestartAfterDeathOf(first, "b");
        Assert.Equal(1, Assert.Single(await second.ClaimAbandonedAsync(10, Ct)).Claims);
        var third = RestartAfterDeathOf(second, "c");
        var entry = Assert.Single(await third.ClaimAbandonedAsync(10, Ct));

        Assert.Equal(id, entry.Id);
        Assert.Equal(2, entry.Claims);
    }
}
