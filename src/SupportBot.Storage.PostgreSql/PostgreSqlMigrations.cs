namespace SupportBot.Storage.PostgreSql;

/// <summary>One schema change. Steps run in <see cref="Version"/> order, each exactly once per database.</summary>
/// <param name="Version">Position in the sequence; never renumber a released step.</param>
/// <param name="Description">What the step does (kept in <c>schema_version</c>).</param>
/// <param name="Sql">The statements to run (inside the migration transaction).</param>
internal sealed record PostgreSqlMigration(int Version, string Description, string Sql);

/// <summary>
/// The ordered schema steps, numbered like the SQLite engine's so both report the same version for
/// the same features. Append new steps at the end; never edit one that has shipped.
/// </summary>
/// <remarks>
/// Documents are <c>text</c>, not <c>jsonb</c>: clients must get back the exact bytes that were
/// written (jsonb reorders keys and drops duplicates).
/// </remarks>
internal static class PostgreSqlMigrations
{
    public static IReadOnlyList<PostgreSqlMigration> All { get; } =
    [
        new(1, "conversation state with versions", """
            CREATE TABLE conversation_state (
                conversation_id text   NOT NULL PRIMARY KEY,
                json            text   NOT NULL,
                version         bigint NOT NULL
            );
            """),
        new(2, "Direct Line activity log", """
            CREATE TABLE directline_activity (
                conversation_id text   NOT NULL,
                position        bigint NOT NULL,
                json            text   NOT NULL,
                PRIMARY KEY (conversation_id, position)
            );
            -- One row per conversation: appenders serialise on its row lock, so positions are gap-free
            -- even when several instances append to the same conversation.
            CREATE TABLE directline_activity_counter (
                conversation_id text   NOT NULL PRIMARY KEY,
                last_position   bigint NOT NULL
            );
            """),
        new(3, "Direct Line conversation registry", """
            CREATE TABLE directline_conversation (
                conversation_id text        NOT NULL PRIMARY KEY,
                user_id         text        NOT NULL,
                created_at      timestamptz NOT NULL,
                started         boolean     NOT NULL DEFAULT false,
                ended           boolean     NOT NULL DEFAULT false
            );
            """),
        // A resent user activity (same channelData.clientActivityID after a lost POST response) is found, not logged twice.
        new(4, "Direct Line client activity ids", """
            ALTER TABLE directline_activity ADD COLUMN client_activity_id text;
            CREATE UNIQUE INDEX directline_activity_client_id
                ON directline_activity (conversation_id, client_activity_id)
                WHERE client_activity_id IS NOT NULL;
            """),
    ];

    /// <summary>The version a fully migrated database reports.</summary>
    public static int Latest => All[^1].Version;
}
