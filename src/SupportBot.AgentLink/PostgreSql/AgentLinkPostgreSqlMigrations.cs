using SupportBot.Storage.PostgreSql;

namespace SupportBot.AgentLink.PostgreSql;

/// <summary>
/// The agent link's PostgreSQL migration track (<c>agentlink_schema_version</c>), numbered like the SQLite track.
/// Times are Unix milliseconds from the app's clock, as in SQLite.
/// </summary>
internal static class AgentLinkPostgreSqlMigrations
{
    public static PostgreSqlSchemaTrack Track { get; } = new("agentlink_schema_version",
    [
        new(1, "conversations, pairing codes, agent sessions, jobs", """
            CREATE TABLE agentlink_conversation (
                conversation_id text   NOT NULL PRIMARY KEY,
                channel_id      text   NOT NULL,
                reference_json  text   NOT NULL,
                created_at_ms   bigint NOT NULL,
                ended_at_ms     bigint NULL
            );

            CREATE TABLE agentlink_code (
                code_hash       text   NOT NULL PRIMARY KEY,
                conversation_id text   NOT NULL REFERENCES agentlink_conversation (conversation_id),
                created_at_ms   bigint NOT NULL,
                expires_at_ms   bigint NOT NULL,
                used_at_ms      bigint NULL
            );
            CREATE INDEX agentlink_code_conversation ON agentlink_code (conversation_id);

            CREATE TABLE agentlink_session (
                session_id      text   NOT NULL PRIMARY KEY,
                conversation_id text   NOT NULL REFERENCES agentlink_conversation (conversation_id),
                created_at_ms   bigint NOT NULL,
                expires_at_ms   bigint NOT NULL,
                last_seen_ms    bigint NOT NULL,
                revoked_at_ms   bigint NULL,
                agent_version   text   NULL,
                os              text   NULL
            );
            CREATE INDEX agentlink_session_conversation ON agentlink_session (conversation_id);

            CREATE TABLE agentlink_job (
                seq             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                job_id          text   NOT NULL UNIQUE,
                conversation_id text   NOT NULL REFERENCES agentlink_conversation (conversation_id),
                kind            text   NOT NULL,
                parameters_json text   NOT NULL,
                created_at_ms   bigint NOT NULL,
                deadline_ms     bigint NOT NULL,
                state           text   NOT NULL,
                session_id      text   NULL,
                claimed_at_ms   bigint NULL,
                completed_at_ms bigint NULL,
                status          text   NULL,
                result_json     text   NULL
            );
            CREATE INDEX agentlink_job_queue ON agentlink_job (conversation_id, state, seq);
            CREATE INDEX agentlink_job_deadline ON agentlink_job (state, deadline_ms);
            """),
        new(2, "pairing failures (brute-force lock-out shared by every instance)", """
            CREATE TABLE agentlink_pairing_failure (
                id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                address text   NOT NULL,
                at_ms   bigint NOT NULL
            );
            CREATE INDEX agentlink_pairing_failure_at ON agentlink_pairing_failure (at_ms);
            """),
        new(3, "the generated agent-token signing key, one for every instance", """
            CREATE TABLE agentlink_signing_key (
                id  integer NOT NULL PRIMARY KEY CHECK (id = 1),
                key text    NOT NULL
            );
            """),
    ]);
}
