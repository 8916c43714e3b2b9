using SupportBot.Storage.Sqlite;

namespace SupportBot.Storage.Tests.Sqlite;

/// <summary>
/// The SQLite writer's group commit on a real file: writes queued while a commit is in progress share the
/// next transaction, a failing or conflicting write fails alone, and every write is durable once its task completes.
/// </summary>
public sealed class SqliteGroupCommitTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "supportbot-group-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task WritesQueuedBehindABusyWriter_CommitTogetherInOneTransaction()
    {
        using var database = SqliteDatabase.Open(_dataDir);
        var log = new SqliteActivityLog(database);
        var states = new SqliteConversationStateStore(database);
        using var entered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var blocker = Task.Run(() => log.AppendAsync("blocker", position =>
        {
            entered.Set();
            Assert.True(release.Wait(Patience));
            return "{}";
        }, CancellationToken.None));
        Assert.True(entered.Wait(Patience));
        var before = database.CommittedBatches;

        // Queued while the writer is busy: they must not run yet, and must all share one commit.
        var appends = Enumerable.Range(0, 40).Select(i => log.AppendAsync("c" + (i % 4), p => $"{{\"i\":{i}}}", CancellationToken.None)).ToList();
        var stateWrites = Enumerable.Range(0, 10).Select(i => states.TryWriteAsync("s" + i, "\"v1\"", 0, CancellationToken.None)).ToList();
        Assert.All(appends, a => Assert.False(a.IsCompleted));
        release.Set();
        await blocker.WaitAsync(Patience);
        await Task.WhenAll(appends).WaitAsync(Patience);
        await Task.WhenAll(stateWrites).WaitAsync(Patience);

        // The blocker's own batch, then one batch for the 50 queued behind it.
        Assert.Equal(before + 2, database.CommittedBatches);
        foreach (var conversation in Enumerable.Range(0, 4).Select(i => "c" + i))
        {
            var read = await log.ReadAfterAsync(conversation, 0, 100, CancellationToken.None);
            Assert.Equal(Enumerable.Range(1, 10).Select(p => (long)p), read.Select(a => a.Position));
        }
        Assert.All(stateWrites, w => Assert.Equal(1L, w.Result));
    }

    [Fact]
    public async Task ConflictingAndFailingWritesInOneBatch_FailAloneAndTheRestCommit()
    {
        using var database = SqliteDatabase.Open(_dataDir);
        var log = new SqliteActivityLog(database);
        var states = new SqliteConversationStateStore(database);
        Assert.Equal(1L, await states.TryWriteAsync("shared", "\"v1\"", 0, CancellationToken.None));
        using var entered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var blocker = Task.Run(() => log.AppendAsync("blocker", _ =>
        {
            entered.Set();
            Assert.True(release.Wait(Patience));
            return "{}";
        }, CancellationToken.None));
        Assert.True(entered.Wait(Patience));

        // One batch: two writers both expecting version 1 of "shared", an append whose rendering throws,
        // a fresh insert racing an insert of the same conversation, and plain appends around them.
        var first = states.TryWriteAsync("shared", "\"first\"", 1, CancellationToken.None);
        var before = log.AppendAsync("log", _ => "{\"n\":1}", CancellationToken.None);
        var second = states.TryWriteAsync("shared", "\"second\"", 1, CancellationToken.None);
        var broken = log.AppendAsync("log", _ => throw new InvalidOperationException("render failed"), CancellationToken.None);
        var insertA = states.TryWriteAsync("fresh", "\"a\"", 0, CancellationToken.None);
        var insertB = states.TryWriteAsync("fresh", "\"b\"", 0, CancellationToken.None);
        var after = log.AppendAsync("log", _ => "{\"n\":2}", CancellationToken.None);
        release.Set();
        await blocker.WaitAsync(Patience);

        Assert.Equal(2L, await first.WaitAsync(Patience));
        Assert.Null(await second.WaitAsync(Patience));
        await Assert.ThrowsAsync<InvalidOperationException>(() => broken.WaitAsync(Patience));
        Assert.Equal(1L, await insertA.WaitAsync(Patience));
        Assert.Null(await insertB.WaitAsync(Patience));
        Assert.Equal(1L, (await before.WaitAsync(Patience)).Position);
        // The failed append was rolled back, so the next one takes its position.
        Assert.Equal(2L, (await after.WaitAsync(Patience)).Position);

        // Durable and exact when read back through a fresh database object.
        database.Dispose();
        using var reopened = SqliteDatabase.Open(_dataDir);
        Assert.Equal(new StoredState("\"first\"", 2), await new SqliteConversationStateStore(reopened).ReadAsync("shared", CancellationToken.None));
        Assert.Equal(new StoredState("\"a\"", 1), await new SqliteConversationStateStore(reopened).ReadAsync("fresh", CancellationToken.None));
        var logged = await new SqliteActivityLog(reopened).ReadAfterAsync("log", 0, 10, CancellationToken.None);
        Assert.Equal(["{\"n\":1}", "{\"n\":2}"], logged.Select(a => a.Json));
    }

    [Fact]
    public async Task ManyConcurrentWriters_OneConflictingPerConversation_ExactlyOneWinnerEach()
    {
        using var database = SqliteDatabase.Open(_dataDir);
        var states = new SqliteConversationStateStore(database);
        var log = new SqliteActivityLog(database);
        const int Conversations = 32;
        const int Rounds = 5;
        var conflicts = 0;
        await Task.WhenAll(Enumerable.Range(0, Conversations).Select(c => Task.Run(async () =>
        {
            var id = "conv" + c;
            long version = 0;
            for (var round = 0; round < Rounds; round++)
            {
                // Two writers race on the same expected version: exactly one wins.
                var results = await Task.WhenAll(
                    states.TryWriteAsync(id, $"\"{round}a\"", version, CancellationToken.None),
                    states.TryWriteAsync(id, $"\"{round}b\"", version, CancellationToken.None),
                    log.AppendAsync(id, p => $"{{\"p\":{p}}}", CancellationToken.None).ContinueWith(_ => (long?)null, TaskScheduler.Default));
                var winners = results.Take(2).Where(r => r is not null).ToList();
                Assert.Single(winners);
                Interlocked.Increment(ref conflicts);
                version = winners[0]!.Value;
            }
        }))).WaitAsync(Patience);

        Assert.Equal(Conversations * Rounds, conflicts);
        for (var c = 0; c < Conversations; c++)
        {
            var state = await states.ReadAsync("conv" + c, CancellationToken.None);
            Assert.Equal(Rounds, state!.Version);
            var logged = await log.ReadAfterAsync("conv" + c, 0, 100, CancellationToken.None);
            Assert.Equal(Enumerable.Range(1, Rounds).Select(p => (long)p), logged.Select(a => a.Position));
        }
        // 3 × 160 writes; batching means fewer commits than writes (at least one batch held two or more).
        Assert.True(database.CommittedWrites >= Conversations * Rounds * 3);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }
}
