using SupportBot.Helpdesk.Sqlite;
using SupportBot.Storage.Sqlite;

namespace SupportBot.Helpdesk.Tests;

/// <summary>The SQLite helpdesk track beside the core one (the outbox itself is in the store contract, Contract/).</summary>
public sealed class OutboxAndDatabaseTests : IDisposable
{
    private readonly string _directory = TestData.TempDirectory();

    [Fact]
    public void TheHelpdeskSharesTheCoreDatabaseFileWithItsOwnMigrationTrack()
    {
        using var core = SqliteDatabase.Open(_directory);
        var helpdesk = new HelpdeskDatabase(core.FilePath);
        Assert.Equal(SqliteDatabase.LatestSchemaVersion, core.SchemaVersion());
        Assert.Equal(1, helpdesk.SchemaVersion);
        // Both tracks run again on restart without touching each other.
        Assert.Equal(1, new HelpdeskDatabase(core.FilePath).SchemaVersion);
        Assert.Equal(SqliteDatabase.LatestSchemaVersion, core.Migrate());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
