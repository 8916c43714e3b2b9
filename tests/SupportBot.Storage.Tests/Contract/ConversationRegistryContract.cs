namespace SupportBot.Storage.Tests.Contract;

/// <summary>What every <see cref="IDirectLineConversationRegistry"/> engine must do.</summary>
public abstract partial class StorageContractTests
{
    private static readonly DateTimeOffset CreatedAt = new(2026, 11, 23, 10, 0, 0, 123, TimeSpan.Zero);

    [Fact]
    public async Task TryCreateAsync_NewId_IsFoundWithSameFields()
    {
        using var storage = Open();
        var id = NewId();
        Assert.True(await storage.Conversations.TryCreateAsync(new(id, "dl_user", CreatedAt), Ct));
        Assert.Equal(new DirectLineConversation(id, "dl_user", CreatedAt), await storage.Conversations.FindAsync(id, Ct));
    }

    [Fact]
    public async Task TryCreateAsync_ExistingId_ReturnsFalseAndKeepsFirst()
    {
        using var storage = Open();
        var id = NewId();
        await storage.Conversations.TryCreateAsync(new(id, "first", CreatedAt), Ct);
        Assert.False(await storage.Conversations.TryCreateAsync(new(id, "second", CreatedAt), Ct));
        Assert.Equal("first", (await storage.Conversations.FindAsync(id, Ct))!.UserId);
    }

    [Fact]
    public async Task FindAsync_UnknownId_ReturnsNull()
    {
        using var storage = Open();
        Assert.Null(await storage.Conversations.FindAsync(NewId(), Ct));
    }

    [Fact]
    public async Task TryMarkStartedAsync_ConcurrentCallers_ExactlyOneStarts()
    {
        using var storage = Open();
        var id = NewId();
        await storage.Conversations.TryCreateAsync(new(id, "u", CreatedAt), Ct);
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Task.Run(() => storage.Conversations.TryMarkStartedAsync(id, Ct))));
        Assert.Single(results, r => r);
        Assert.True((await storage.Conversations.FindAsync(id, Ct))!.Started);
    }

    [Fact]
    public async Task EndAsync_KnownAndUnknown_MarksEndedOrReturnsFalse()
    {
        using var storage = Open();
        var id = NewId();
        await storage.Conversations.TryCreateAsync(new(id, "u", CreatedAt), Ct);
        Assert.True(await storage.Conversations.EndAsync(id, Ct));
        Assert.True((await storage.Conversations.FindAsync(id, Ct))!.Ended);
        Assert.False(await storage.Conversations.EndAsync(NewId(), Ct));
    }

    [Fact]
    public async Task IsReachableAsync_OpenDatabase_ReturnsTrue()
    {
        using var storage = Open();
        Assert.True(await storage.Health.IsReachableAsync(Ct));
    }
}
