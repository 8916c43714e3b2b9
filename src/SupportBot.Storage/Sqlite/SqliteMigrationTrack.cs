using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace SupportBot.Storage.Sqlite;

/// <summary>
/// Applies one migration track to a database file. The core stores and each module (helpdesk, agent link)
/// keep their own track, recorded in their own version table, so modules evolve without renumbering each other.
/// </summary>
public static partial class SqliteMigrationTrack
{
    /// <summary>Brings the track up to date; returns its version afterwards. Safe to run any number of times.</summary>
    public static int Apply(SqliteConnection connection, string versionTable, IEnumerable<SqliteMigration> steps)
    {
        if (!TableName().IsMatch(versionTable))
            throw new ArgumentException($"'{versionTable}' is not a plain table name.", nameof(versionTable));

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
        command.CommandText = $"""
            CREATE TABLE IF NOT EXISTS {versionTable} (
                version     INTEGER PRIMARY KEY,
                description TEXT    NOT NULL,
                applied_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
            );
            SELECT COALESCE(MAX(version), 0) FROM {versionTable};
            """;
        var current = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);

        foreach (var step in steps.Where(m => m.Version > current).OrderBy(m => m.Version))
        {
            command.Parameters.Clear();
            command.CommandText = step.Sql;
            command.ExecuteNonQuery();
            command.CommandText = $"INSERT INTO {versionTable} (version, description) VALUES ($v, $d);";
            command.Parameters.AddWithValue("$v", step.Version);
            command.Parameters.AddWithValue("$d", step.Description);
            command.ExecuteNonQuery();
            current = step.Version;
        }
        transaction.Commit();
        return current;
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex TableName();
}
