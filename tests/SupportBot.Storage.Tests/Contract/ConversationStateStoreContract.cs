namespace SupportBot.Storage.Tests.Contract;

/// <summary>What every <see cref="IConversationStateStore"/> engine must do. Subclasses open a real database.</summary>
public abstract partial class StorageContractTests
{
    [Fact]
    public async Task ReadAsync_NothingSaved_ReturnsNull()
    {
        using var storage = Open();
        Assert.Null(await storage.States.ReadAsync(NewId(), Ct));
    }

    [Fact]
    public async Task TryWriteAsync_FirstWriteAtVersionZero_ReturnsVersionOneAndReadsBack()
    {
        using var storage = Open();
        var id = NewId();
        Assert.Equal(1, await storage.States.TryWriteAsync(id, """{"a":1}""", 0, Ct));
        var read = await storage.States.ReadAsync(id, Ct);
        Assert.Equal(new StoredState("""{"a":1}""", 1), read);
    }

    [Fact]
    public async Task TryWriteAsync_SequentialWritesWithCurrentVersion_IncrementVersion()
    {
        using var storage = Open();
        var id = NewId();
        long version = 0;
        for (var i = 1; i <= 5; i++)
        {
            version = (await storage.States.TryWriteAsync(id, $$"""{"n":{{i}}}""", version, Ct))!.Value;
            Assert.Equal(i, version);
        }
        Assert.Equal("""{"n":5}""", (await storage.States.ReadAsync(id, Ct))!.Json);
    }

    [Fact]
    public async Task TryWriteAsync_StaleVersion_ReturnsNullAndKeepsWinner()
    {
        using var storage = Open();
        var id = NewId();
        await storage.States.TryWriteAsync(id, "\"first\"", 0, Ct);
        Assert.Equal(2, await storage.States.TryWriteAsync(id, "\"winner\"", 1, Ct));
        Assert.Null(await storage.States.TryWriteAsync(id, "\"loser\"", 1, Ct));
        Assert.Null(await storage.States.TryWriteAsync(id, "\"again\"", 0, Ct));
        Assert.Equal(new StoredState("\"winner\"", 2), await storage.States.ReadAsync(id, Ct));
    }

    [Fact]
    public async Task TryWriteAsync_ConcurrentWritersOnSameVersion_ExactlyOneWins()
    {
        using var storage = Open();
        var id = NewId();
        await storage.States.TryWriteAsync(id, "0", 0, Ct);
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Task.Run(() => storage.States.TryWriteAsync(id, i.ToString(System.Globalization.CultureInfo.InvariantCulture), 1, Ct))));
        Assert.Single(results, r => r == 2);
        Assert.Equal(15, results.Count(r => r is null));
    }

    [Fact]
    public async Task TryWriteAsync_ConcurrentRetryingIncrements_LoseNoUpdate()
    {
        using var storage = Open();
        var id = NewId();
        const int writers = 8, incrementsEach = 10;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < incrementsEach; i++)
            {
                // Read-modify-write with retry on conflict: what the turn runner does.
                while (true)
                {
                    var current = await storage.States.ReadAsync(id, Ct);
                    var value = current is null ? 0 : int.Parse(current.Json, System.Globalization.CultureInfo.InvariantCulture);
                    var written = await storage.States.TryWriteAsync(id, (value + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), current?.Version ?? 0, Ct);
                    if (written is not null)
                    {
                        break;
                    }
                }
            }
        })));
        var final = await storage.States.ReadAsync(id, Ct);
        Assert.Equal((writers * incrementsEach).ToString(System.Globalization.CultureInfo.InvariantCulture), final!.Json);
        Assert.Equal(writers * incrementsEach, final.Version);
    }

    [Fact]
    public async Task TryWriteAsync_LargeUnicodeDocument_RoundTripsExactly()
    {
        using var storage = Open();
        var id = NewId();
        var json = "\"" + string.Concat(Enumerable.Repeat("ライセンスが確認できません😀", 5000)) + "\"";
        await storage.States.TryWriteAsync(id, json, 0, Ct);
        Assert.Equal(json, (await storage.States.ReadAsync(id, Ct))!.Json);
    }
}
