namespace SupportBot.Storage.Tests.Contract;

/// <summary>What every <see cref="IActivityLog"/> engine must do with client activity ids (a resent user message).</summary>
public abstract partial class StorageContractTests
{
    [Fact]
    public async Task FindByClientActivityIdAsync_Logged_ReturnsThatActivity()
    {
        using var storage = Open();
        var id = NewId();
        await storage.Log.AppendAsync(id, _ => """{"n":1}""", Ct);
        var logged = await storage.Log.AppendAsync(id, "web-1", p => $$"""{"p":{{p}}}""", Ct);
        await storage.Log.AppendAsync(id, "web-2", _ => """{"n":3}""", Ct);

        var found = await storage.Log.FindByClientActivityIdAsync(id, "web-1", Ct);
        Assert.Equal(logged, found);
        Assert.Equal(new LoggedActivity(2, """{"p":2}"""), found);
    }

    [Fact]
    public async Task FindByClientActivityIdAsync_Absent_ReturnsNull()
    {
        using var storage = Open();
        var id = NewId();
        await storage.Log.AppendAsync(id, "web-1", _ => "{}", Ct);
        Assert.Null(await storage.Log.FindByClientActivityIdAsync(id, "web-9", Ct));
        Assert.Null(await storage.Log.FindByClientActivityIdAsync(NewId(), "web-1", Ct));
        Assert.Null(await storage.Log.FindByClientActivityIdAsync(id, new string('x', IActivityLog.MaxClientActivityIdLength + 1), Ct));
    }

    [Fact]
    public async Task FindByClientActivityIdAsync_OtherConversationsId_IsNotFound()
    {
        using var storage = Open();
        string a = NewId(), b = NewId();
        await storage.Log.AppendAsync(a, "web-1", _ => "{}", Ct);
        await storage.Log.AppendAsync(b, _ => "{}", Ct);
        Assert.Null(await storage.Log.FindByClientActivityIdAsync(b, "web-1", Ct));
    }

    [Fact]
    public async Task AppendAsync_SameClientActivityIdTwiceInOneConversation_SecondThrowsAndNothingIsAdded()
    {
        using var storage = Open();
        var id = NewId();
        await storage.Log.AppendAsync(id, "web-1", _ => """{"first":true}""", Ct);

        await Assert.ThrowsAnyAsync<Exception>(() => storage.Log.AppendAsync(id, "web-1", _ => """{"second":true}""", Ct));

        var all = await storage.Log.ReadAfterAsync(id, 0, 10, Ct);
        Assert.Equal([new LoggedActivity(1, """{"first":true}""")], all);
        Assert.Equal(2, (await storage.Log.AppendAsync(id, "web-2", _ => "{}", Ct)).Position);
    }

    [Fact]
    public async Task AppendAsync_TwoConversations_MayReuseAClientActivityId()
    {
        using var storage = Open();
        string a = NewId(), b = NewId();
        await storage.Log.AppendAsync(a, "web-1", _ => """{"in":"a"}""", Ct);
        await storage.Log.AppendAsync(b, "web-1", _ => """{"in":"b"}""", Ct);
        Assert.Equal("""{"in":"a"}""", (await storage.Log.FindByClientActivityIdAsync(a, "web-1", Ct))!.Json);
        Assert.Equal("""{"in":"b"}""", (await storage.Log.FindByClientActivityIdAsync(b, "web-1", Ct))!.Json);
    }

    [Fact]
    public async Task AppendAsync_ManyActivitiesWithoutClientId_AreAllKept()
    {
        using var storage = Open();
        var id = NewId();
        for (var i = 0; i < 3; i++)
        {
            await storage.Log.AppendAsync(id, clientActivityId: null, _ => "{}", Ct);
        }
        Assert.Equal(3, (await storage.Log.ReadAfterAsync(id, 0, 10, Ct)).Count);
    }

    [Fact]
    public async Task AppendAsync_ClientActivityIdLongerThanTheLimit_IsRefusedAndNothingIsStored()
    {
        using var storage = Open();
        var id = NewId();
        var longest = new string('k', IActivityLog.MaxClientActivityIdLength);
        await storage.Log.AppendAsync(id, longest, _ => "{}", Ct);
        Assert.NotNull(await storage.Log.FindByClientActivityIdAsync(id, longest, Ct));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => storage.Log.AppendAsync(id, longest + "k", _ => "{}", Ct));
        Assert.Single(await storage.Log.ReadAfterAsync(id, 0, 10, Ct));
    }

    [Fact]
    public async Task FindByClientActivityIdAsync_AfterReopen_StillFindsIt()
    {
        var id = NewId();
        using (var first = Open())
        {
            await first.Log.AppendAsync(id, "web-1", _ => """{"kept":1}""", Ct);
        }
        using var second = Open();
        Assert.Equal(new LoggedActivity(1, """{"kept":1}"""), await second.Log.FindByClientActivityIdAsync(id, "web-1", Ct));
    }
}
