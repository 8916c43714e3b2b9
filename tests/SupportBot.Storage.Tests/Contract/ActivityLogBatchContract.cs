namespace SupportBot.Storage.Tests.Contract;

/// <summary>What every <see cref="IActivityLog"/> engine must do with a batch append (a turn's replies in one write).</summary>
public abstract partial class StorageContractTests
{
    [Fact]
    public async Task AppendManyAsync_Batch_GetsConsecutivePositionsInOrderAndIdsEmbedThem()
    {
        using var storage = Open();
        var id = NewId();
        await storage.Log.AppendAsync(id, "web-1", _ => """{"user":true}""", Ct);

        var logged = await storage.Log.AppendManyAsync(id,
            [p => $$"""{"id":"{{id}}|{{p:D7}}","n":"a"}""", p => $$"""{"id":"{{id}}|{{p:D7}}","n":"b"}""", p => $$"""{"id":"{{id}}|{{p:D7}}","n":"c"}"""], Ct);

        Assert.Equal([2L, 3L, 4L], logged.Select(l => l.Position));
        Assert.Equal($$"""{"id":"{{id}}|0000003","n":"b"}""", logged[1].Json);
        var read = await storage.Log.ReadAfterAsync(id, 1, 10, Ct);
        Assert.Equal(logged, read);
        Assert.Equal(5, (await storage.Log.AppendAsync(id, _ => "{}", Ct)).Position);
    }

    [Fact]
    public async Task AppendManyAsync_EmptyBatch_WritesNothing()
    {
        using var storage = Open();
        var id = NewId();
        Assert.Empty(await storage.Log.AppendManyAsync(id, [], Ct));
        Assert.Empty(await storage.Log.ReadAfterAsync(id, 0, 10, Ct));
        Assert.Equal(1, (await storage.Log.AppendAsync(id, _ => "{}", Ct)).Position);
    }

    [Fact]
    public async Task AppendManyAsync_ARenderThrows_NothingOfTheBatchIsStored()
    {
        using var storage = Open();
        var id = NewId();
        await storage.Log.AppendAsync(id, _ => "{}", Ct);
        await Assert.ThrowsAsync<InvalidOperationException>(() => storage.Log.AppendManyAsync(id,
            [_ => """{"n":1}""", _ => throw new InvalidOperationException("render failed")], Ct));

        Assert.Single(await storage.Log.ReadAfterAsync(id, 0, 10, Ct));
        Assert.Equal([2L, 3L], (await storage.Log.AppendManyAsync(id, [_ => "{}", _ => "{}"], Ct)).Select(l => l.Position));
    }

    [Fact]
    public async Task AppendManyAsync_ConcurrentWithSingleAppends_PositionsGapFreeAndEachBatchConsecutive()
    {
        using var storage = Open();
        var id = NewId();
        var batches = Enumerable.Range(0, 20).Select(b => Task.Run(() => storage.Log.AppendManyAsync(id,
            [p => $$"""{"b":{{b}},"i":0,"p":{{p}}}""", p => $$"""{"b":{{b}},"i":1,"p":{{p}}}""", p => $$"""{"b":{{b}},"i":2,"p":{{p}}}"""], Ct))).ToList();
        var singles = Enumerable.Range(0, 20).Select(s => Task.Run(() => storage.Log.AppendAsync(id, p => $$"""{"s":{{s}},"p":{{p}}}""", Ct))).ToList();
        await Task.WhenAll(batches.Cast<Task>().Concat(singles));

        foreach (var batch in batches.Select(t => t.Result))
        {
            Assert.Equal([batch[0].Position, batch[0].Position + 1, batch[0].Position + 2], batch.Select(l => l.Position));
        }
        var read = await storage.Log.ReadAfterAsync(id, 0, 1000, Ct);
        Assert.Equal(Enumerable.Range(1, 80).Select(i => (long)i), read.Select(l => l.Position));
        Assert.All(read, l => Assert.EndsWith($"\"p\":{l.Position}}}", l.Json));
    }

    [Fact]
    public async Task AppendManyAsync_AfterReopen_ContinuesThePositions()
    {
        var id = NewId();
        using (var first = Open())
        {
            await first.Log.AppendManyAsync(id, [_ => "{}", _ => "{}"], Ct);
        }
        using var second = Open();
        Assert.Equal([3L, 4L], (await second.Log.AppendManyAsync(id, [_ => "{}", _ => "{}"], Ct)).Select(l => l.Position));
        Assert.Equal(4, (await second.Log.ReadAfterAsync(id, 0, 10, Ct)).Count);
    }
}
