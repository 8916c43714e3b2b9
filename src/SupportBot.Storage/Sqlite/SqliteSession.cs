using Microsoft.Data.Sqlite;

namespace SupportBot.Storage.Sqlite;

/// <summary>
/// One open connection plus the statements already prepared on it. Sessions are pooled by
/// <see cref="SqliteDatabase"/> so a hot path neither reopens the file nor re-parses its SQL.
/// </summary>
internal sealed class SqliteSession : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);

    public SqliteSession(string connectionString, int busyTimeoutMs, SqliteSessionRole role = SqliteSessionRole.Reader)
    {
        Connection = new SqliteConnection(connectionString);
        Connection.Open();
        using var pragmas = Connection.CreateCommand();
        // Per-connection settings: wait for the writer lock instead of failing (other processes), let WAL
        // fsync less often and read pages through mmap. Only the writer keeps a big page cache: a reader's cache
        // is dropped whenever it begins a read after another connection committed, which under load is always.
        // The writer leaves WAL checkpoints to SqliteCheckpointer (off the turn's path); its own automatic
        // checkpoint stays as a safety net at a much larger WAL, should the background one fall behind.
        pragmas.CommandText = $"PRAGMA busy_timeout={busyTimeoutMs}; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
            + "PRAGMA mmap_size=268435456; "
            + (role == SqliteSessionRole.Writer ? "PRAGMA cache_size=-16384; PRAGMA wal_autocheckpoint=16000;" : "PRAGMA cache_size=-2048;");
        pragmas.ExecuteNonQuery();
    }

    public SqliteConnection Connection { get; }

    /// <summary>
    /// The transaction the group-commit writer has open on this session (null on readers): every
    /// command handed out by <see cref="Command"/> joins it.
    /// </summary>
    public SqliteTransaction? Transaction { get; set; }

    /// <summary>
    /// A prepared command for <paramref name="sql"/> with the given parameter names, created once per
    /// connection. Callers set <c>Parameters[i].Value</c> in the declared order.
    /// </summary>
    public SqliteCommand Command(string sql, params string[] parameterNames)
    {
        if (!_prepared.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameterNames)
            {
                command.Parameters.Add(new SqliteParameter(name, null));
            }
            command.Prepare();
            _prepared.Add(sql, command);
        }
        command.Transaction = Transaction;
        return command;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var command in _prepared.Values)
        {
            command.Dispose();
        }
        _prepared.Clear();
        Connection.Dispose();
    }
}

/// <summary>What a <see cref="SqliteSession"/> is for: its page cache and checkpoint settings differ.</summary>
internal enum SqliteSessionRole
{
    /// <summary>A pooled reader (also the migrator and the checkpointer).</summary>
    Reader,

    /// <summary>The single group-commit writer.</summary>
    Writer,
}
