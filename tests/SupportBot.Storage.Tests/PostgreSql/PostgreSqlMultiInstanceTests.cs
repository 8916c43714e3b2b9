using System.Globalization;
using SupportBot.Storage.PostgreSql;
using SupportBot.Testing;

namespace SupportBot.Storage.Tests.PostgreSql;

/// <summary>
/// Two <see cref="PostgreSqlStorage"/> objects on one database stand in for two instances: each has
/// its own connection pool, so nothing is shared but the database.
/// </summary>
public sealed class PostgreSqlMultiInstanceTests : IDisposable
{
    private static CancellationToken Ct => CancellationToken.None;
    private readonly PostgreSqlTestDatabase _database = PostgreSqlTestDatabase.Create();

    [Fact]
    public async Task AppendAsync_TwoInstancesOneConversation_PositionsGapFreeAndUnique()
    {
        using var a = PostgreSqlStorage.Open(_database.ConnectionString);
        using var b = PostgreSqlStorage.Open(_database.ConnectionString);
        var id = Guid.NewGuid().ToString("N");
        const int perInstance = 100;
        var appends = new[] { a, b }.SelectMany((instance, n) => Enumerable.Range(0, perInstance).Select(i =>
            Task.Run(() => instance.ActivityLog.AppendAsync(id, p => $$"""{"from":{{n}},"i":{{i}},"p":{{p}}}""", Ct))));
        var logged = await Task.WhenAll(appends);

        Assert.Equal(Enumerable.Range(1, 2 * perInstance).Select(i => (long)i), logged.Select(l => l.Position).Order());
        // Either instance reads the whole log, in order, each activity carrying the position it was given.
        var readByB = await b.ActivityLog.ReadAfterAsync(id, 0, 1000, Ct);
        Assert.Equal(Enumerable.Range(1, 2 * perInstance).Select(i => (long)i), readByB.Select(l => l.Position));
        Assert.All(readByB, l => Assert.EndsWith($",\"p\":{l.Position}}}", l.Json));
        Assert.Equal(perInstance, readByB.Count(l => l.Json.StartsWith("{\"from\":0", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AppendAsync_RenderThrowsOnOneInstance_OtherInstanceContinuesWithoutGap()
    {
        using var a = PostgreSqlStorage.Open(_database.ConnectionString);
        using var b = PostgreSqlStorage.Open(_database.ConnectionString);
        var id = Guid.NewGuid().ToString("N");
        await a.ActivityLog.AppendAsync(id, _ => "{}", Ct);
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            a.ActivityLog.AppendAsync(id, _ => throw new InvalidOperationException("render failed"), Ct));
        Assert.Equal(2, (await b.ActivityLog.AppendAsync(id, _ => "{}", Ct)).Position);
    }

    [Fact]
    public async Task TryWriteAsync_TwoInstancesSameVersion_ExactlyOneWins()
    {
        using var a = PostgreSqlStorage.Open(_database.ConnectionString);
        using var b = PostgreSqlStorage.Open(_database.ConnectionString);
        var id = Guid.NewGuid().ToString("N");
        Assert.Equal(1, await a.States.TryWriteAsync(id, "\"a\"", 0, Ct));
        Assert.Null(await b.States.TryWriteAsync(id, "\"b\"", 0, Ct));

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => (i % 2 == 0 ? a : b).States.TryWriteAsync(id, i.ToString(CultureInfo.InvariantCulture), 1, Ct))));
        Assert.Single(results, r => r == 2);
        var winner = Array.FindIndex(results, r => r == 2);
        Assert.Equal(new StoredState(winner.ToString(CultureInfo.InvariantCulture), 2), await a.States.ReadAsync(id, Ct));
        Assert.Equal(await a.States.ReadAsync(id, Ct), await b.States.ReadAsync(id, Ct));
    }

    [Fact]
    public async Task TryWriteAsync_RetryingIncrementsFromTwoInstances_LoseNoUpdate()
    {
        using var a = PostgreSqlStorage.Open(_database.ConnectionString);
        using var b = PostgreSqlStorage.Open(_database.ConnectionString);
        var id = Guid.NewGuid().ToString("N");
        const int writersPerInstance = 4, incrementsEach = 10;
        await Task.WhenAll(new[] { a, b }.SelectMany(instance => Enumerable.Range(0, writersPerInstance).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < incrementsEach; i++)
            {
                while (true)
                {
                    var current = await instance.States.ReadAsync(id, Ct);
                    var value = current is null ? 0 : int.Parse(current.Json, CultureInfo.InvariantCulture);
                    if (await instance.States.TryWriteAsync(id, (value + 1).ToString(CultureInfo.InvariantCulture), current?.Version ?? 0, Ct) is not null)
                    {
                        break;
                    }
                }
            }
        }))));
        const int total = 2 * writersPerInstance * incrementsEach;
        Assert.Equal(new StoredState(total.ToString(CultureInfo.InvariantCulture), total), await b.States.ReadAsync(id, Ct));
    }

    [Fact]
    public async Task TryMarkStartedAsync_TwoInstances_ExactlyOneStarts()
    {
        using var a = PostgreSqlStorage.Open(_database.ConnectionString);
        using var b = PostgreSqlStorage.Open(_database.ConnectionString);
        var id = Guid.NewGuid().ToString("N");
        Assert.True(await a.Conversations.TryCreateAsync(new(id, "u", new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero)), Ct));
        Assert.False(await b.Conversations.TryCreateAsync(new(id, "other", new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero)), Ct));
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            Task.Run(() => (i % 2 == 0 ? a : b).Conversations.TryMarkStartedAsync(id, Ct))));
        Assert.Single(results, r => r);
    }

    public void Dispose() => _database.Dispose();
}
