namespace SupportBot.Storage.Sqlite;

/// <summary>Applies the numbered <see cref="SqliteMigrations"/> that a database file has not seen yet.</summary>
internal static class SqliteMigrator
{
    /// <summary>Brings the schema up to date; returns the schema version afterwards. Safe to run any number of times.</summary>
    public static int Migrate(SqliteSession session)
    {
        var connection = session.Connection;
        using (var wal = connection.CreateCommand())
        {
            // journal_mode is stored in the file, so this only changes something on first run.
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            wal.ExecuteNonQuery();
        }

        // IMMEDIATE: two processes starting at once take turns instead of both applying a step.
        using var transaction = connection.BeginTransaction(deferred: false);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS schema_version (
                version     INTEGER PRIMARY KEY,
                description TEXT    NOT NULL,
                applied_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
            );
            SELECT COALESCE(MAX(version), 0) FROM schema_version;
            """;
        var current = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);

        foreach (var step in SqliteMigrations.All.Where(m => m.Version > current).OrderBy(m => m.Version))
        {
            command.Parameters.Clear();
            command.CommandText = step.Sql;
            command.ExecuteNonQuery();
            command.CommandText = "INSERT INTO schema_version (version, description) VALUES ($v, $d);";
            command.Parameters.AddWithValue("$v", step.Version);
            command.Parameters.AddWithValue("$d", step.Description);
            command.ExecuteNonQuery();
            current = step.Version;
        }
        transaction.Commit();
        return current;
    }
}
