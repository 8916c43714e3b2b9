using Microsoft.Data.Sqlite;

namespace SupportBot.Storage.Sqlite;

/// <summary>
/// Connections to the shared SupportBot database file for a module's own tables (helpdesk, agent link).
/// The core <see cref="SqliteDatabase"/> keeps its sessions internal, so a module opens its own pooled
/// connections to the same file (WAL lets them work side by side) and runs its own migration track.
/// </summary>
public abstract class SqliteModuleDatabase
{
    private readonly string _connectionString;
    private readonly int _busyTimeoutMs;

    /// <summary>Opens (creating if needed) the file and applies the module's pending migrations.</summary>
    /// <param name="filePath">The database file.</param>
    /// <param name="versionTable">The module's migration-track table, e.g. <c>helpdesk_schema_version</c>.</param>
    /// <param name="migrations">The module's ordered schema steps.</param>
    /// <param name="busyTimeout">How long a writer waits for the file lock (default 10 s).</param>
    protected SqliteModuleDatabase(string filePath, string versionTable, IEnumerable<SqliteMigration> migrations, TimeSpan? busyTimeout = null)
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
        SchemaVersion = SqliteMigrationTrack.Apply(connection, versionTable, migrations);
    }

    /// <summary>Full path of the database file.</summary>
    public string FilePath { get; }

    /// <summary>The module's schema version after start-up migration.</summary>
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
}
