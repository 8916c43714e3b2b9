using Microsoft.Data.Sqlite;
using SupportBot.Storage.Sqlite;

namespace SupportBot.Storage.Tests.Sqlite;

/// <summary>SQLite-specific behaviour: file creation, WAL, migrations.</summary>
public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "supportbot-db-" + Guid.NewGuid().ToString("N"), "nested", "data");

    [Fact]
    public void Open_MissingDirectory_CreatesDirectoryAndFile()
    {
        using var database = SqliteDatabase.Open(_dataDir);
        Assert.True(File.Exists(Path.Combine(_dataDir, SqliteDatabase.FileName)));
        Assert.Equal(Path.Combine(Path.GetFullPath(_dataDir), SqliteDatabase.FileName), database.FilePath);
    }

    [Fact]
    public void Open_NewFile_UsesWalJournal()
    {
        using var database = SqliteDatabase.Open(_dataDir);
        Assert.Equal("wal", Scalar(database.FilePath, "PRAGMA journal_mode;"));
    }

    [Fact]
    public void Migrate_RunRepeatedly_IsIdempotentAndRecordsEachStepOnce()
    {
        using var database = SqliteDatabase.Open(_dataDir);
        Assert.Equal(SqliteDatabase.LatestSchemaVersion, database.Migrate());
        Assert.Equal(SqliteDatabase.LatestSchemaVersion, database.Migrate());
        using var again = SqliteDatabase.Open(_dataDir);
        Assert.Equal(SqliteDatabase.LatestSchemaVersion, again.SchemaVersion());
        Assert.Equal(SqliteDatabase.LatestSchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Scalar(database.FilePath, "SELECT COUNT(*) FROM schema_version;"));
    }

    [Fact]
    public async Task Open_ConcurrentProcessesStarting_MigrateOnce()
    {
        var opened = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => SqliteDatabase.Open(_dataDir))));
        try
        {
            Assert.All(opened, d => Assert.Equal(SqliteDatabase.LatestSchemaVersion, d.SchemaVersion()));
        }
        finally
        {
            foreach (var d in opened)
            {
                d.Dispose();
            }
        }
    }

    [Fact]
    public async Task Open_FileFromOlderVersion_AppliesOnlyMissingSteps()
    {
        Directory.CreateDirectory(_dataDir);
        var path = Path.Combine(_dataDir, SqliteDatabase.FileName);
        // A file as step 1 left it, with data that must survive the later steps.
        Execute(path, """
            CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT 'x');
            INSERT INTO schema_version (version, description) VALUES (1, 'conversation state with versions');
            CREATE TABLE conversation_state (conversation_id TEXT NOT NULL PRIMARY KEY, json TEXT NOT NULL, version INTEGER NOT NULL) WITHOUT ROWID;
            INSERT INTO conversation_state VALUES ('c1', '"old"', 4);
            """);
        using var database = SqliteDatabase.Open(_dataDir);
        Assert.Equal(SqliteDatabase.LatestSchemaVersion, database.SchemaVersion());
        var state = await new SqliteConversationStateStore(database).ReadAsync("c1", CancellationToken.None);
        Assert.Equal(new StoredState("\"old\"", 4), state);
    }

    private static string? Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        try { Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(_dataDir))!, recursive: true); } catch (IOException) { }
    }
}
