using Microsoft.Data.Sqlite;
using SupportBot.Storage.Sqlite;

namespace SupportBot.Storage.Tests.Sqlite;

/// <summary>
/// Conversation lookups and states kept in memory by the SQLite stores: served without the file once known,
/// never older than the last committed write, and optimistic concurrency still decided by the file.
/// </summary>
public sealed class SqliteReadCacheTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "supportbot-readcache-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task KnownState_IsServedFromMemory_AndTracksEveryWrite()
    {
        using var database = SqliteDatabase.Open(_dataDir);
        var states = new SqliteConversationStateStore(database);
        Assert.Equal(1L, await states.TryWriteAsync("c", "\"one\"", 0, CancellationToken.None));
        Assert.Equal(2L, await states.TryWriteAsync("c", "\"two\"", 1, CancellationToken.None));

        // Changed behind the store's back: the held state (the last one this process wrote) is what it answers.
        Execute(database.FilePath, "UPDATE conversation_state SET json = '\"outside\"' WHERE conversation_id = 'c';");
        Assert.Equal(new StoredState("\"two\"", 2), await states.ReadAsync("c", CancellationToken.None));
        // The version check is still the file's: a stale expected version fails, and then the held row is dropped.
        Execute(database.FilePath, "UPDATE conversation_state SET version = 3 WHERE conversation_id = 'c';");
        Assert.Null(await states.TryWriteAsync("c", "\"three\"", 2, CancellationToken.None));
        Assert.Equal(new StoredState("\"outside\"", 3), await states.ReadAsync("c", CancellationToken.None));
    }

    [Fact]
    public async Task ConcurrentReadersAndWriters_NeverReadAnOlderVersionThanTheLastCommitted()
    {
        using var database = SqliteDatabase.Open(_dataDir);
        var states = new SqliteConversationStateStore(database);
        const int Rounds = 200;
        Assert.Equal(1L, await states.TryWriteAsync("c", "\"1\"", 0, CancellationToken.None));
        long committed = 1;
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var floor = Interlocked.Read(ref committed);
                var state = await states.ReadAsync("c", CancellationToken.None);
                Assert.True(state!.Version >= floor, $"read version {state.Version} after {floor} committed");
                Assert.Equal($"\"{state.Version}\"", state.Json);
            }
        })).ToList();
        for (var version = 1L; version < Rounds; version++)
        {
            Assert.Equal(version + 1, await states.TryWriteAsync("c", $"\"{version + 1}\"", version, CancellationToken.None).WaitAsync(Patience));
            Interlocked.Exchange(ref committed, version + 1);
        }
        await stop.CancelAsync();
        await Task.WhenAll(readers).WaitAsync(Patience);
    }

    [Fact]
    public async Task EndedConversation_IsNeverAnsweredAsOpenFromMemory()
    {
        using var database = SqliteDatabase.Open(_dataDir);
        var registry = new SqliteConversationRegistry(database);
        var now = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        Assert.True(await registry.TryCreateAsync(new DirectLineConversation("c", "u", now), CancellationToken.None));
        Assert.False((await registry.FindAsync("c", CancellationToken.None))!.Started);
        Assert.True(await registry.TryMarkStartedAsync("c", CancellationToken.None));
        Assert.True((await registry.FindAsync("c", CancellationToken.None))!.Started);
        Assert.True(await registry.EndAsync("c", CancellationToken.None));
        Assert.True((await registry.FindAsync("c", CancellationToken.None))!.Ended);
        Assert.Null(await registry.FindAsync("unknown", CancellationToken.None));
    }

    private static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }
}
