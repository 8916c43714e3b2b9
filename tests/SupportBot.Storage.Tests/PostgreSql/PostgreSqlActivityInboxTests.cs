using SupportBot.Storage.PostgreSql;
using SupportBot.Storage.Tests.Contract;
using SupportBot.Testing;

namespace SupportBot.Storage.Tests.PostgreSql;

/// <summary>
/// The inbox contract on a real PostgreSQL database, plus what only a shared inbox has: leases. A "death" is a
/// holder that stops renewing; the test moves the clock past its lease instead of sleeping.
/// </summary>
public sealed class PostgreSqlActivityInboxTests : ActivityInboxContractTests, IDisposable
{
    private readonly PostgreSqlTestDatabase _database = PostgreSqlTestDatabase.Create();
    private readonly List<IDisposable> _opened = [];

    protected override IActivityInbox Open(string owner)
    {
        var storage = PostgreSqlDatabase.Open(_database.ConnectionString);
        var inboxDatabase = new PostgreSqlActivityInboxDatabase(storage, ownsDatabase: true);
        _opened.Add(inboxDatabase);
        return new PostgreSqlActivityInbox(inboxDatabase, Clock, Lease, owner);
    }

    protected override IActivityInbox RestartAfterDeathOf(IActivityInbox dead, string newOwner)
    {
        Clock.Advance(Lease + TimeSpan.FromMilliseconds(1));
        return Open(newOwner);
    }

    [Fact]
    public async Task A_dead_holders_entries_are_claimed_by_exactly_one_of_two_concurrent_claimers()
    {
        var dead = Open("dead");
        var ids = new List<long>();
        for (var i = 0; i < 60; i++)
        {
            ids.Add(await AddAsync(dead, $"c{i % 4}", $"m{i}"));
        }
        Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var b = Open("b");
        var c = Open("c");

        var claims = await Task.WhenAll(ClaimAllAsync(b), ClaimAllAsync(c));

        Assert.Empty(claims[0].Intersect(claims[1]));
        Assert.Equal(ids, claims[0].Concat(claims[1]).Order());
        Assert.Equal(ids, claims[0].Concat(claims[1]).Distinct().Order());
        Assert.Empty(await b.ClaimAbandonedAsync(100, Ct)); // now held (and fresh) by b or c
    }

    [Fact]
    public async Task Renewed_leases_are_not_stolen_and_run_out_once_renewal_stops()
    {
        var live = Open("live");
        var id = await AddAsync(live, "c", "m1");
        var other = Open("other");

        for (var i = 0; i < 4; i++)
        {
            Clock.Advance(Lease * 0.6);
            await live.RenewAsync(Ct);
            Assert.Empty(await other.ClaimAbandonedAsync(10, Ct)); // 2.4 leases in all, renewed in time
        }

        Clock.Advance(Lease * 0.6);
        Assert.Empty(await other.ClaimAbandonedAsync(10, Ct)); // not run out yet
        Clock.Advance(Lease * 0.6);
        Assert.Equal(id, Assert.Single(await other.ClaimAbandonedAsync(10, Ct)).Id);

        await live.RenewAsync(Ct); // too late: the entry stays with its new holder
        Clock.Advance(Lease * 0.6);
        await other.RenewAsync(Ct);
        Clock.Advance(Lease * 0.6);
        Assert.Empty(await live.ClaimAbandonedAsync(10, Ct));
    }

    [Fact]
    public void The_inbox_has_its_own_track_next_to_the_core_one()
    {
        Open("a");
        Assert.Equal(PostgreSqlActivityInboxDatabase.InboxTrack.Latest, Convert.ToInt32(_database.Scalar("SELECT MAX(version) FROM inbox_schema_version;"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(PostgreSqlDatabase.LatestSchemaVersion, Convert.ToInt32(_database.Scalar("SELECT MAX(version) FROM schema_version;"), System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task<List<long>> ClaimAllAsync(IActivityInbox inbox)
    {
        var claimed = new List<long>();
        while (true)
        {
            var batch = await inbox.ClaimAbandonedAsync(7, Ct);
            if (batch.Count == 0)
            {
                return claimed;
            }
            claimed.AddRange(batch.Select(e => e.Id));
        }
    }

    public void Dispose()
    {
        foreach (var opened in _opened)
        {
            opened.Dispose();
        }
        Npgsql.NpgsqlConnection.ClearAllPools();
        _database.Dispose();
    }
}
