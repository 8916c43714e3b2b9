using SupportBot.Storage.Sqlite;
using SupportBot.Storage.Tests.Contract;

namespace SupportBot.Storage.Tests.Sqlite;

/// <summary>
/// The inbox contract on a real SQLite file. One process per data directory: a "death" is a new inbox object on
/// the same file (the next process), which owns everything it finds there.
/// </summary>
public sealed class SqliteActivityInboxTests : ActivityInboxContractTests, IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "supportbot-inbox-" + Guid.NewGuid().ToString("N"));

    private readonly List<SqliteDatabase> _opened = [];

    // Each "process" opens the file anew; the databases are closed at the end of the test.
    protected override IActivityInbox Open(string owner)
    {
        var database = SqliteDatabase.Open(_dataDir);
        _opened.Add(database);
        return new SqliteActivityInbox(database);
    }

    protected override IActivityInbox RestartAfterDeathOf(IActivityInbox dead, string newOwner) => Open(newOwner);

    [Fact]
    public async Task The_inbox_shares_the_file_with_the_core_stores_on_its_own_track()
    {
        using var core = SqliteDatabase.Open(_dataDir);
        var inbox = new SqliteActivityInbox(core);
        await AddAsync(inbox, "c", "m1");

        Assert.Equal(1, new SqliteActivityInboxDatabase(core.FilePath).SchemaVersion);
        Assert.Equal(SqliteDatabase.LatestSchemaVersion, core.SchemaVersion()); // the core track is untouched
        Assert.Equal(1, await new SqliteActivityInbox(core).CountAsync(Ct));
    }

    public void Dispose()
    {
        _opened.ForEach(database => database.Dispose());
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }
}
