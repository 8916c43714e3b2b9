using SupportBot.Storage.PostgreSql;
using SupportBot.Testing;

namespace SupportBot.Storage.Tests.PostgreSql;

/// <summary>
/// Per-conversation locks contended from two <see cref="PostgreSqlStorage"/> objects (two pools,
/// standing in for two instances); the in-process provider gets the same exclusion test.
/// </summary>
public sealed class PostgreSqlConversationLockTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly PostgreSqlTestDatabase _database = PostgreSqlTestDatabase.Create();

    [Fact]
    public async Task TwoInstancesContend_OneHolderAtATime_NoLostUpdate()
    {
        await using var a = await PostgreSqlStorage.OpenAsync(_database.ConnectionString);
        await using var b = await PostgreSqlStorage.OpenAsync(_database.ConnectionString);
        await AssertMutualExclusionAsync([a.ConversationLocks, b.ConversationLocks]);
    }

    [Fact]
    public async Task InProcessProvider_OneHolderAtATime_NoLostUpdate()
    {
        var locks = new InProcessConversationLockProvider();
        await AssertMutualExclusionAsync([locks, locks]);
    }

    [Fact]
    public async Task DifferentConversations_DoNotBlockEachOther()
    {
        await using var a = await PostgreSqlStorage.OpenAsync(_database.ConnectionString);
        await using var b = await PostgreSqlStorage.OpenAsync(_database.ConnectionString);
        await using var held = await a.ConversationLocks.AcquireAsync("one", CancellationToken.None);
        await using var other = await b.ConversationLocks.AcquireAsync("two", CancellationToken.None).WaitAsync(Timeout);
    }

    [Fact]
    public async Task WaitingIsCancellable_AndReleaseLetsTheOtherInstanceIn()
    {
        await using var a = await PostgreSqlStorage.OpenAsync(_database.ConnectionString);
        await using var b = await PostgreSqlStorage.OpenAsync(_database.ConnectionString);
        var held = await a.ConversationLocks.AcquireAsync("c", CancellationToken.None);

        using (var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => b.ConversationLocks.AcquireAsync("c", cancel.Token));
        }
        var waiting = b.ConversationLocks.AcquireAsync("c", CancellationToken.None);
        await Task.Delay(200);
        Assert.False(waiting.IsCompleted);
        await held.DisposeAsync();
        await using var next = await waiting.WaitAsync(Timeout);
    }

    [Fact]
    public async Task HolderConnectionKilled_LockIsReleased()
    {
        await using var a = await PostgreSqlStorage.OpenAsync(_database.ConnectionString);
        await using var b = await PostgreSqlStorage.OpenAsync(_database.ConnectionString);
        var held = await a.ConversationLocks.AcquireAsync("c", CancellationToken.None);
        // Stands in for an instance dying mid-turn: its session ends, PostgreSQL drops the lock.
        _database.OnServer($"SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = '{_database.Name}');");
        await using var next = await b.ConversationLocks.AcquireAsync("c", CancellationToken.None).WaitAsync(Timeout);
        await held.DisposeAsync();   // releasing on a dead connection is harmless
    }

    private static async Task AssertMutualExclusionAsync(IConversationLockProvider[] instances)
    {
        const int perInstance = 25;
        var inside = 0;
        var maxInside = 0;
        var counter = 0;   // a read-modify-write that loses updates without the lock
        var id = Guid.NewGuid().ToString("N");
        var turns = instances.SelectMany(locks => Enumerable.Range(0, perInstance).Select(_ => Task.Run(async () =>
        {
            await using var held = await locks.AcquireAsync(id, CancellationToken.None);
            var now = Interlocked.Increment(ref inside);
            InterlockedMax(ref maxInside, now);
            var read = Volatile.Read(ref counter);
            await Task.Delay(2);
            Volatile.Write(ref counter, read + 1);
            Interlocked.Decrement(ref inside);
        })));
        await Task.WhenAll(turns).WaitAsync(Timeout);
        Assert.Equal(1, maxInside);
        Assert.Equal(instances.Length * perInstance, counter);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    public void Dispose() => _database.Dispose();
}
