using SupportBot.Storage.Sqlite;
using SupportBot.Storage.Tests.Contract;

namespace SupportBot.Storage.Tests.Sqlite;

/// <summary>The storage contract on a real SQLite file in a fresh temp directory.</summary>
public sealed class SqliteStorageContractTests : StorageContractTests, IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "supportbot-storage-" + Guid.NewGuid().ToString("N"));

    protected override StorageUnderTest Open()
    {
        var database = SqliteDatabase.Open(_dataDir);
        return new StorageUnderTest(
            new SqliteConversationStateStore(database),
            new SqliteActivityLog(database),
            new SqliteConversationRegistry(database),
            new SqliteStorageHealth(database),
            database);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }
}
