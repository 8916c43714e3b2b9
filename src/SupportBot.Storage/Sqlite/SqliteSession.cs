using Microsoft.Data.Sqlite;

namespace SupportBot.Storage.Sqlite;

/// <summary>
/// One open connection plus the statements already prepared on it. Sessions are pooled by
/// <see cref="SqliteDatabase"/> so a hot path neither reopens the file nor re-parses its SQL.
/// </summary>
internal sealed class SqliteSession : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);

    public SqliteSession(string connectionString, int busyTimeoutMs)
    {
        Connection = new SqliteConnection(connectionString);
        Connection.Open();
        using var pragmas = Connection.CreateCommand();
        // Per-connection settings: wait for the writer lock instead of failing (other processes), let WAL
        // fsync less often, read pages through mmap and keep a bigger page cache.
        pragmas.CommandText = $"PRAGMA busy_timeout={busyTimeoutMs}; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
            + "PRAGMA mmap_size=268435456; PRAGMA cache_size=-16384;";
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
