namespace SupportBot.Storage.Tests.Contract;

/// <summary>What every <see cref="IActivityLog"/> engine must do.</summary>
public abstract partial class StorageContractTests
{
    [Fact]
    public async Task AppendAsync_FirstActivity_GetsPositionOneAndRenderSeesIt()
    {
        using var storage = Open();
        var id = NewId();
        var logged = await storage.Log.AppendAsync(id, p => $$"""{"id":"{{id}}|{{p:D7}}"}""", Ct);
        Assert.Equal(1, logged.Position);
        Assert.Equal($$"""{"id":"{{id}}|0000001"}""", logged.Json);
    }

    [Fact]
    public async Task AppendAsync_Conversations_HaveIndependentPositions()
    {
        using var storage = Open();
        string a = NewId(), b = NewId();
        await storage.Log.AppendAsync(a, _ => "{}", Ct);
        await storage.Log.AppendAsync(a, _ => "{}", Ct);
        Assert.Equal(1, (await storage.Log.AppendAsync(b, _ => "{}", Ct)).Position);
        Assert.Equal(3, (await storage.Log.AppendAsync(a, _ => "{}", Ct)).Position);
    }

    [Fact]
    public async Task AppendAsync_ConcurrentAppenders_PositionsAreGapFreeAndUnique()
    {
        using var storage = Open();
        var id = NewId();
        const int count = 200;
        var logged = await Task.WhenAll(Enumerable.Range(0, count).Select(i =>
            Task.Run(() => storage.Log.AppendAsync(id, p => $$"""{"i":{{i}},"p":{{p}}}""", Ct))));
        Assert.Equal(Enumerable.Range(1, count).Select(i => (long)i), logged.Select(l => l.Position).Order());

        var read = await storage.Log.ReadAfterAsync(id, 0, 1000, Ct);
        Assert.Equal(count, read.Count);
        Assert.All(read, l => Assert.EndsWith($",\"p\":{l.Position}}}", l.Json));
    }

    [Fact]
    public async Task AppendAsync_RenderThrows_NothingStoredAndNextAppendGetsSamePosition()
    {
        using var storage = Open();
        var id = NewId();
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            storage.Log.AppendAsync(id, _ => throw new InvalidOperationException("render failed"), Ct));
        Assert.Equal(1, (await storage.Log.AppendAsync(id, _ => "{}", Ct)).Position);
    }

    [Fact]
    public async Task ReadAfterAsync_Watermark_ReturnsOnlyLaterActivitiesInOrder()
    {
        using var storage = Open();
        var id = NewId();
        for (var i = 0; i < 10; i++)
        {
            await storage.Log.AppendAsync(id, p => $$"""{"p":{{p}}}""", Ct);
        }
        var after7 = await storage.Log.ReadAfterAsync(id, 7, 100, Ct);
        Assert.Equal([8L, 9L, 10L], after7.Select(l => l.Position));
        Assert.Empty(await storage.Log.ReadAfterAsync(id, 10, 100, Ct));
        Assert.Empty(await storage.Log.ReadAfterAsync(id, 99, 100, Ct));
    }

    [Fact]
    public async Task ReadAfterAsync_Max_LimitsPageSize()
    {
        using var storage = Open();
        var id = NewId();
        for (var i = 0; i < 5; i++)
        {
            await storage.Log.AppendAsync(id, _ => "{}", Ct);
        }
        Assert.Equal([1L, 2L], (await storage.Log.ReadAfterAsync(id, 0, 2, Ct)).Select(l => l.Position));
        Assert.Equal([3L, 4L], (await storage.Log.ReadAfterAsync(id, 2, 2, Ct)).Select(l => l.Position));
    }

    [Fact]
    public async Task ReadAfterAsync_UnknownConversation_ReturnsEmpty()
    {
        using var storage = Open();
        Assert.Empty(await storage.Log.ReadAfterAsync(NewId(), 0, 10, Ct));
    }
}
