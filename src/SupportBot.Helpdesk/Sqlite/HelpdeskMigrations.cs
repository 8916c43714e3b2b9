using SupportBot.Storage.Sqlite;

namespace SupportBot.Helpdesk.Sqlite;

/// <summary>
/// The helpdesk's own migration track, recorded in <c>helpdesk_schema_version</c> so it shares the
/// database file with the core storage without colliding with its <c>schema_version</c> numbers.
/// </summary>
internal static class HelpdeskMigrations
{
    public static IReadOnlyList<SqliteMigration> All { get; } =
    [
        new(1, "tickets, ticket events, daily number counter, webhook outbox", """
            CREATE TABLE helpdesk_ticket_counter (
                day  TEXT    NOT NULL PRIMARY KEY,
                last INTEGER NOT NULL
            ) WITHOUT ROWID;

            CREATE TABLE helpdesk_ticket (
                id                 INTEGER PRIMARY KEY AUTOINCREMENT,
                number             TEXT    NOT NULL UNIQUE,
                status             TEXT    NOT NULL,
                priority           INTEGER NOT NULL,
                priority_override  INTEGER NULL,
                reason             TEXT    NOT NULL,
                channel_id         TEXT    NOT NULL,
                conversation_id    TEXT    NOT NULL,
                flow_id            TEXT    NULL,
                flow_version       TEXT    NULL,
                remaining_days     INTEGER NULL,
                summary            TEXT    NOT NULL,
                error_text         TEXT    NULL,
                product_version    TEXT    NULL,
                os                 TEXT    NULL,
                locale             TEXT    NULL,
                context_json       TEXT    NOT NULL,
                created_at_ms      INTEGER NOT NULL,
                claimed_at_ms      INTEGER NULL,
                closed_at_ms       INTEGER NULL,
                assignee           TEXT    NULL,
                rating             INTEGER NULL,
                rating_comment     TEXT    NULL,
                timeout_notified   INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX helpdesk_ticket_queue ON helpdesk_ticket (status, priority DESC, created_at_ms);
            CREATE INDEX helpdesk_ticket_conversation ON helpdesk_ticket (conversation_id, id);

            CREATE TABLE helpdesk_ticket_event (
                id        INTEGER PRIMARY KEY AUTOINCREMENT,
                ticket_id INTEGER NOT NULL REFERENCES helpdesk_ticket (id),
                at_ms     INTEGER NOT NULL,
                kind      TEXT    NOT NULL,
                author    TEXT    NOT NULL,
                text      TEXT    NULL
            );
            CREATE INDEX helpdesk_ticket_event_ticket ON helpdesk_ticket_event (ticket_id, id);

            CREATE TABLE helpdesk_outbox (
                id               INTEGER PRIMARY KEY AUTOINCREMENT,
                delivery_id      TEXT    NOT NULL UNIQUE,
                ticket_id        INTEGER NULL,
                event_name       TEXT    NOT NULL,
                payload          TEXT    NOT NULL,
                created_at_ms    INTEGER NOT NULL,
                attempts         INTEGER NOT NULL DEFAULT 0,
                next_attempt_ms  INTEGER NOT NULL,
                leased_until_ms  INTEGER NOT NULL DEFAULT 0,
                last_error       TEXT    NULL,
                delivered_at_ms  INTEGER NULL
            );
            CREATE INDEX helpdesk_outbox_due ON helpdesk_outbox (delivered_at_ms, next_attempt_ms);
            """),
    ];

    public static int Latest => All[^1].Version;
}
