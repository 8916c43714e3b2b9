using Microsoft.Data.Sqlite;

namespace SupportBot.AgentLink.Store;

/// <summary>
/// Connections to the shared SupportBot database file for the agent-link tables (same pattern as the helpdesk:
/// own connections, WAL, own migration track).
/// </summary>
public sealed class AgentLinkDatabase
{
    private readonly string _connectionString;
    private readonly int _busyTimeoutMs;

    /// <summary>Opens (creating if needed) the file at <paramref name="filePath"/> and applies pending migrations.</summary>
    public AgentLinkDatabase(string filePath, TimeSpan? busyTimeout = null)
    {
        FilePath = Path.GetFullPath(filePath);
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        _busyTimeoutMs = (int)(busyTimeout ?? TimeSpan.FromSeconds(10)).TotalMilliseconds;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = Math.Max(1, _busyTimeoutMs / 1000),
        }.ToString();
        using var connection = OpenConnection();
        SchemaVersion = Migrate(connection);
    }

    /// <summary>Full path of the database file.</summary>
    public string FilePath { get; }

    /// <summary>The agent-link schema version after start-up migration.</summary>
    public int SchemaVersion { get; }

    /// <summary>An open connection with the per-connection pragmas applied; the caller disposes it.</summary>
    public SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = $"PRAGMA busy_timeout={_busyTimeoutMs}; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";
        pragmas.ExecuteNonQuery();
        return connection;
    }

    private static int Migrate(SqliteConnection connection)
    {
        using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            wal.ExecuteNonQuery();
        }
        // IMMEDIATE: two instances starting together take turns instead of both applying a step.
        using var transaction = connection.BeginTransaction(deferred: false);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS agentlink_schema_version (
                version     INTEGER PRIMARY KEY,
                description TEXT    NOT NULL,
                applied_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
            );
            SELECT COALESCE(MAX(version), 0) FROM agentlink_schema_version;
            """;
        var current = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        foreach (var step in AgentLinkMigrations.All.Where(m => m.Version > current))
        {
            command.Parameters.Clear();
            command.CommandText = step.Sql;
            command.ExecuteNonQuery();
            command.CommandText = "INSERT INTO agentlink_schema_version (version, description) VALUES ($v, $d);";
            command.Parameters.AddWithValue("$v", step.Version);
            command.Parameters.AddWithValue("$d", step.Description);
            command.ExecuteNonQuery();
            current = step.Version;
        }
        transaction.Commit();
        return current;
    }
}
