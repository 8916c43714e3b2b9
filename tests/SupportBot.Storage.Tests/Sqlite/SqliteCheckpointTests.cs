using Microsoft.Data.Sqlite;
using SupportBot.Storage.Sqlite;

namespace SupportBot.Storage.Tests.Sqlite;

/// <summary>
/// WAL checkpoints run in the background, not inside a turn's commit: on a real file, the WAL is copied back into
/// the database file after enough commits, and everything committed is in the database file afterwards.
/// </summary>
public sealed class SqliteCheckpointTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "supportbot-checkpoint-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task ManyCommits_AreCheckpointedInTheBackground_AndTheFileHoldsThem()
    {
        using var database = SqliteDatabase.Open(_dataDir);
        var log = new SqliteActivityLog(database);
        const int commits = 300; // more than twice the commits between two background checkpoints (128)
        for (var i = 0; i < commits; i++)
        {
            await log.AppendAsync("c", _ => $"{{\"i\":{i}}}", CancellationToken.None);
        }

        var deadline = DateTimeOffset.UtcNow + Patience;
        while (database.Checkpoints == 0 && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        Assert.True(database.Checkpoints > 0, "no background checkpoint ran");

        // Every committed row survives closing and reopening the file (checkpoints never lose a frame).
        database.Dispose();
        using (var connection = new SqliteConnection($"Data Source={database.FilePath};Pooling=False"))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            checkpoint.ExecuteNonQuery();
            using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM directline_activity WHERE conversation_id = 'c';";
            Assert.Equal((long)commits, (long)count.ExecuteScalar()!);
        }
        var wal = new FileInfo(database.FilePath + "-wal");
        Assert.True(!wal.Exists || wal.Length == 0, "the WAL still holds frames after the last connection closed");
    }

    [Fact]
    public async Task AQuietDatabase_IsCheckpointedSoonAfterItsLastCommit()
    {
        using var database = SqliteDatabase.Open(_dataDir);
        var log = new SqliteActivityLog(database);
        await log.AppendAsync("quiet", _ => "{}", CancellationToken.None);

        var deadline = DateTimeOffset.UtcNow + Patience;
        while (database.Checkpoints == 0 && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        Assert.True(database.Checkpoints > 0, "a single commit was never checkpointed");
    }

    [Fact]
    public void DisposingTwice_IsHarmless()
    {
        var database = SqliteDatabase.Open(_dataDir);
        database.Dispose();
        database.Dispose();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
