namespace SupportBot.Storage.Sqlite;

/// <summary>
/// The activity inbox table (<see cref="SqliteActivityInbox"/>) in the shared SupportBot database file, on its own
/// migration track (<c>inbox_schema_version</c>), so it evolves without renumbering the core steps.
/// </summary>
/// <param name="filePath">The database file (the data directory's <see cref="SqliteDatabase.FileName"/>).</param>
/// <param name="busyTimeout">How long a write waits for the file lock (default 10 s).</param>
public sealed class SqliteActivityInboxDatabase(string filePath, TimeSpan? busyTimeout = null)
    : SqliteModuleDatabase(filePath, "inbox_schema_version", Steps, busyTimeout)
{
    private static readonly SqliteMigration[] Steps =
    [
        new(1, "activity inbox: accepted activities until their turn is over", """
            CREATE TABLE activity_inbox (
                id              INTEGER PRIMARY KEY AUTOINCREMENT,
                conversation_id TEXT    NOT NULL,
                activity_id     TEXT    NULL,
                activity_json   TEXT    NOT NULL,
                received_at_ms  INTEGER NOT NULL,
                claims          INTEGER NOT NULL DEFAULT 0
            );
            """),
    ];
}
