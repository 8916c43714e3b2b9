namespace SupportBot.Storage.Sqlite;

/// <summary>
/// The ordered schema steps. Append new steps at the end; never edit one that has shipped.
/// </summary>
internal static class SqliteMigrations
{
    public static IReadOnlyList<SqliteMigration> All { get; } =
    [
        new(1, "conversation state with versions", """
            CREATE TABLE conversation_state (
                conversation_id TEXT    NOT NULL PRIMARY KEY,
                json            TEXT    NOT NULL,
                version         INTEGER NOT NULL
            ) WITHOUT ROWID;
            """),
        new(2, "Direct Line activity log", """
            CREATE TABLE directline_activity (
                conversation_id TEXT    NOT NULL,
                position        INTEGER NOT NULL,
                json            TEXT    NOT NULL,
                PRIMARY KEY (conversation_id, position)
            ) WITHOUT ROWID;
            """),
        new(3, "Direct Line conversation registry", """
            CREATE TABLE directline_conversation (
                conversation_id TEXT    NOT NULL PRIMARY KEY,
                user_id         TEXT    NOT NULL,
                created_at_ms   INTEGER NOT NULL,
                started         INTEGER NOT NULL DEFAULT 0,
                ended           INTEGER NOT NULL DEFAULT 0
            ) WITHOUT ROWID;
            """),
        // A resent user activity (same channelData.clientActivityID after a lost POST response) is found, not logged twice.
        new(4, "Direct Line client activity ids", """
            ALTER TABLE directline_activity ADD COLUMN client_activity_id TEXT;
            CREATE UNIQUE INDEX directline_activity_client_id
                ON directline_activity (conversation_id, client_activity_id)
                WHERE client_activity_id IS NOT NULL;
            """),
    ];

    /// <summary>The version a fully migrated file reports.</summary>
    public static int Latest => All[^1].Version;
}
