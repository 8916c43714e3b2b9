using Microsoft.Extensions.Time.Testing;
using SupportBot.Helpdesk.Sqlite;
using SupportBot.Storage.Sqlite;

namespace SupportBot.Helpdesk.Tests;

public sealed class OutboxAndDatabaseTests : IDisposable
{
    private readonly string _directory = TestData.TempDirectory();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TheHelpdeskSharesTheCoreDatabaseFileWithItsOwnMigrationTrack()
    {
        using var core = SqliteDatabase.Open(_directory);
        var helpdesk = new HelpdeskDatabase(core.FilePath);
        Assert.Equal(SqliteDatabase.LatestSchemaVersion, core.SchemaVersion());
        Assert.Equal(1, helpdesk.SchemaVersion);
        // Both tracks run again on restart without touching each other.
        Assert.Equal(1, new HelpdeskDatabase(core.FilePath).SchemaVersion);
        Assert.Equal(SqliteDatabase.LatestSchemaVersion, core.Migrate());
    }

    [Fact]
    public async Task ALeasedItemIsHiddenUntilFailedAndDueAgain()
    {
        var outbox = new SqliteWebhookOutbox(new HelpdeskDatabase(Path.Combine(_directory, "supportbot.db")), _time);
        var item = await outbox.EnqueueAsync(null, "ticket.created", "{}");

        var leased = await outbox.LeaseNextAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(item.Id, leased!.Id);
        Assert.Null(await outbox.LeaseNextAsync(TimeSpan.FromMinutes(1)));

        await outbox.MarkFailedAsync(item.Id, "HTTP 500", _time.GetUtcNow() + TimeSpan.FromSeconds(30));
        Assert.Null(await outbox.LeaseNextAsync(TimeSpan.FromMinutes(1)));
        var failure = Assert.Single(await outbox.ListFailuresAsync());
        Assert.Equal((1, "HTTP 500"), (failure.Attempts, failure.LastError));

        _time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(item.Id, (await outbox.LeaseNextAsync(TimeSpan.FromMinutes(1)))!.Id);
        await outbox.MarkDeliveredAsync(item.Id);
        Assert.Empty(await outbox.ListFailuresAsync());
        Assert.NotNull((await outbox.GetAsync(item.Id))!.DeliveredAt);
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Null(await outbox.LeaseNextAsync(TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task AnExpiredLeaseFromACrashedDrainerIsTakenAgain()
    {
        var outbox = new SqliteWebhookOutbox(new HelpdeskDatabase(Path.Combine(_directory, "supportbot.db")), _time);
        var item = await outbox.EnqueueAsync(null, "ticket.created", "{}");
        await outbox.LeaseNextAsync(TimeSpan.FromMinutes(2));
        _time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(item.Id, (await outbox.LeaseNextAsync(TimeSpan.FromMinutes(2)))!.Id);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
