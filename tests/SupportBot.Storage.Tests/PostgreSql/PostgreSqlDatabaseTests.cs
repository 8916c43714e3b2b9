using SupportBot.Storage.PostgreSql;
using SupportBot.Testing;

namespace SupportBot.Storage.Tests.PostgreSql;

/// <summary>PostgreSQL-specific behaviour: migrations (also from several processes at once), timestamps, health.</summary>
public sealed class PostgreSqlDatabaseTests : IDisposable
{
    private static CancellationToken Ct => CancellationToken.None;
    private readonly PostgreSqlTestDatabase _database = PostgreSqlTestDatabase.Create();

    [Fact]
    public async Task Open_ConcurrentInstancesStarting_MigrateExactlyOnce()
    {
        var opened = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Task.Run(() => PostgreSqlDatabase.OpenAsync(_database.ConnectionString, Ct))));
        try
        {
            Assert.All(opened, d => Assert.Equal(PostgreSqlDatabase.LatestSchemaVersion, d.SchemaVersion()));
            Assert.Equal((long)PostgreSqlDatabase.LatestSchemaVersion, _database.Scalar("SELECT COUNT(*) FROM schema_version;"));
            Assert.Equal((long)PostgreSqlDatabase.LatestSchemaVersion, _database.Scalar("SELECT COUNT(DISTINCT version) FROM schema_version;"));
        }
        finally
        {
            foreach (var d in opened)
            {
                await d.DisposeAsync();
            }
        }
    }

    [Fact]
    public void Migrate_RunRepeatedly_IsIdempotent()
    {
        using var database = PostgreSqlDatabase.Open(_database.ConnectionString);
        Assert.Equal(PostgreSqlDatabase.LatestSchemaVersion, database.Migrate());
        Assert.Equal(PostgreSqlDatabase.LatestSchemaVersion, database.Migrate());
        using var again = PostgreSqlDatabase.Open(_database.ConnectionString);
        Assert.Equal(PostgreSqlDatabase.LatestSchemaVersion, again.SchemaVersion());
        Assert.Equal((long)PostgreSqlDatabase.LatestSchemaVersion, _database.Scalar("SELECT COUNT(*) FROM schema_version;"));
    }

    [Fact]
    public async Task Open_DatabaseFromOlderVersion_AppliesOnlyMissingStepsAndKeepsData()
    {
        // A database as step 1 left it, with data that must survive the later steps.
        _database.Scalar("""
            CREATE TABLE schema_version (version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());
            INSERT INTO schema_version (version, description) VALUES (1, 'conversation state with versions');
            CREATE TABLE conversation_state (conversation_id text NOT NULL PRIMARY KEY, json text NOT NULL, version bigint NOT NULL);
            INSERT INTO conversation_state VALUES ('c1', '"old"', 4);
            """);
        using var storage = PostgreSqlStorage.Open(_database.ConnectionString);
        Assert.Equal(PostgreSqlDatabase.LatestSchemaVersion, storage.Database.SchemaVersion());
        Assert.Equal(new StoredState("\"old\"", 4), await storage.States.ReadAsync("c1", Ct));
        Assert.Equal(1, (await storage.ActivityLog.AppendAsync("c1", _ => "{}", Ct)).Position);
    }

    [Fact]
    public async Task TryCreateAsync_NonUtcOffsetAndSubMillisecond_StoresTheSameInstantToTheMillisecond()
    {
        using var storage = PostgreSqlStorage.Open(_database.ConnectionString);
        var local = new DateTimeOffset(2026, 11, 23, 19, 0, 0, 123, TimeSpan.FromHours(9)).AddTicks(4567);
        await storage.Conversations.TryCreateAsync(new("c", "u", local), Ct);
        var found = (await storage.Conversations.FindAsync("c", Ct))!;
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 0, 0, 123, TimeSpan.Zero), found.CreatedAt);
        Assert.Equal(TimeSpan.Zero, found.CreatedAt.Offset);
    }

    [Fact]
    public async Task IsReachableAsync_DatabaseDropped_ReturnsFalse()
    {
        using var storage = PostgreSqlStorage.Open(_database.ConnectionString);
        Assert.True(await storage.Health.IsReachableAsync(Ct));
        _database.Dispose();
        Assert.False(await storage.Health.IsReachableAsync(Ct));
    }

    [Fact]
    public void Open_EmptyConnectionString_Throws()
    {
        Assert.ThrowsAny<ArgumentException>(() => PostgreSqlStorage.Open(" "));
        Assert.Equal("SupportBot", PostgreSqlStorage.ConnectionStringName);
    }

    public void Dispose() => _database.Dispose();
}
