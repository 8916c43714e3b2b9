using SupportBot.Storage.Sqlite;

namespace SupportBot.AgentLink.Store;

/// <summary>
/// The agent link's own migration track (<c>agentlink_schema_version</c>), so it shares the database file with
/// the core storage and the helpdesk without colliding with their version numbers.
/// </summary>
internal static class AgentLinkMigrations
{
    public static IReadOnlyList<SqliteMigration> All { get; } =
    [
        new(1, "conversations, pairing codes, agent sessions, jobs", """
            CREATE TABLE agentlink_conversation (
                conversation_id TEXT    NOT NULL PRIMARY KEY,
                channel_id      TEXT    NOT NULL,
                reference_json  TEXT    NOT NULL,
                created_at_ms   INTEGER NOT NULL,
                ended_at_ms     INTEGER NULL
            ) WITHOUT ROWID;

            CREATE TABLE agentlink_code (
                code_hash       TEXT    NOT NULL PRIMARY KEY,
                conversation_id TEXT    NOT NULL REFERENCES agentlink_conversation (conversation_id),
                created_at_ms   INTEGER NOT NULL,
                expires_at_ms   INTEGER NOT NULL,
                used_at_ms      INTEGER NULL
            ) WITHOUT ROWID;
            CREATE INDEX agentlink_code_conversation ON agentlink_code (conversation_id);

            CREATE TABLE agentlink_session (
                session_id      TEXT    NOT NULL PRIMARY KEY,
                conversation_id TEXT    NOT NULL REFERENCES agentlink_conversation (conversation_id),
                created_at_ms   INTEGER NOT NULL,
                expires_at_ms   INTEGER NOT NULL,
                last_seen_ms    INTEGER NOT NULL,
                revoked_at_ms   INTEGER NULL,
                agent_version   TEXT    NULL,
                os              TEXT    NULL
            ) WITHOUT ROWID;
            CREATE INDEX agentlink_session_conversation ON agentlink_session (conversation_id);

            CREATE TABLE agentlink_job (
                seq             INTEGER PRIMARY KEY AUTOINCREMENT,
                job_id          TEXT    NOT NULL UNIQUE,
                conversation_id TEXT    NOT NULL REFERENCES agentlink_conversation (conversation_id),
                kind            TEXT    NOT NULL,
                parameters_json TEXT    NOT NULL,
                created_at_ms   INTEGER NOT NULL,
                deadline_ms     INTEGER NOT NULL,
                state           TEXT    NOT NULL,
                session_id      TEXT    NULL,
                claimed_at_ms   INTEGER NULL,
                completed_at_ms INTEGER NULL,
                status          TEXT    NULL,
                result_json     TEXT    NULL
            );
            CREATE INDEX agentlink_job_queue ON agentlink_job (conversation_id, state, seq);
            CREATE INDEX agentlink_job_deadline ON agentlink_job (state, deadline_ms);
            """),
        new(2, "pairing failures (brute-force lock-out shared by every process on the database)", """
            CREATE TABLE agentlink_pairing_failure (
                id      INTEGER PRIMARY KEY AUTOINCREMENT,
                address TEXT    NOT NULL,
                at_ms   INTEGER NOT NULL
            );
            CREATE INDEX agentlink_pairing_failure_at ON agentlink_pairing_failure (at_ms);
            """),
    ];

    public static int Latest => All[^1].Version;
}
