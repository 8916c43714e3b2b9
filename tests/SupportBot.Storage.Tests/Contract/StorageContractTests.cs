namespace SupportBot.Storage.Tests.Contract;

/// <summary>
/// The storage contract: every engine (SQLite now, PostgreSQL later) derives from this class and
/// passes the same tests on a real database.
/// </summary>
public abstract partial class StorageContractTests
{
    protected static CancellationToken Ct => CancellationToken.None;

    /// <summary>Opens the engine's stores on this test's database (a second call reopens it: a restart).</summary>
    protected abstract StorageUnderTest Open();

    protected static string NewId() => Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Reopen_AfterWrites_KeepsStateLogAndConversations()
    {
        var id = NewId();
        using (var first = Open())
        {
            await first.States.TryWriteAsync(id, "\"kept\"", 0, Ct);
            await first.Log.AppendAsync(id, _ => "{}", Ct);
            await first.Conversations.TryCreateAsync(new(id, "u", CreatedAt), Ct);
        }
        using var second = Open();
        Assert.Equal(new StoredState("\"kept\"", 1), await second.States.ReadAsync(id, Ct));
        Assert.Equal(2, (await second.Log.AppendAsync(id, _ => "{}", Ct)).Position);
        Assert.NotNull(await second.Conversations.FindAsync(id, Ct));
    }
}
