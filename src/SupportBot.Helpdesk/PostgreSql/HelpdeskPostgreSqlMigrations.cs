using SupportBot.Storage.PostgreSql;

namespace SupportBot.Helpdesk.PostgreSql;

/// <summary>
/// The helpdesk's PostgreSQL migration track (<c>helpdesk_schema_version</c>), numbered like the SQLite track.
/// Columns mirror the SQLite tables (times as Unix milliseconds from the app's clock) so both engines share
/// one row mapping.
/// </summary>
internal static class HelpdeskPostgreSqlMigrations
{
    public static PostgreSqlSchemaTrack Track { get; } = new("helpdesk_schema_version",
    [
        new(1, "tickets, ticket events, daily number counter, webhook outbox", """
            CREATE TABLE helpdesk_ticket_counter (
                day  text   NOT NULL PRIMARY KEY,
                last bigint NOT NULL
            );

            CREATE TABLE helpdesk_ticket (
                id                 bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                number             text    NOT NULL UNIQUE,
                status             text    NOT NULL,
                priority           integer NOT NULL,
                priority_override  integer NULL,
                reason             text    NOT NULL,
                channel_id         text    NOT NULL,
                conversation_id    text    NOT NULL,
                flow_id            text    NULL,
                flow_version       text    NULL,
                remaining_days     integer NULL,
                summary            text    NOT NULL,
                error_text         text    NULL,
                product_version    text    NULL,
                os                 text    NULL,
                locale             text    NULL,
                context_json       text    NOT NULL,
                created_at_ms      bigint  NOT NULL,
                claimed_at_ms      bigint  NULL,
                closed_at_ms       bigint  NULL,
                assignee           text    NULL,
                rating             integer NULL,
                rating_comment     text    NULL,
                timeout_notified   integer NOT NULL DEFAULT 0
            );
            CREATE INDEX helpdesk_ticket_queue ON helpdesk_ticket (status, priority DESC, created_at_ms);
            CREATE INDEX helpdesk_ticket_conversation ON helpdesk_ticket (conversation_id, id);

            CREATE TABLE helpdesk_ticket_event (
                id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                ticket_id bigint NOT NULL REFERENCES helpdesk_ticket (id),
                at_ms     bigint NOT NULL,
                kind      text   NOT NULL,
                author    text   NOT NULL,
                text      text   NULL
            );
            CREATE INDEX helpdesk_ticket_event_ticket ON helpdesk_ticket_event (ticket_id, id);

            CREATE TABLE helpdesk_outbox (
                id               bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                delivery_id      text    NOT NULL UNIQUE,
                ticket_id        bigint  NULL,
                event_name       text    NOT NULL,
                payload          text    NOT NULL,
                created_at_ms    bigint  NOT NULL,
                attempts         integer NOT NULL DEFAULT 0,
                next_attempt_ms  bigint  NOT NULL,
                leased_until_ms  bigint  NOT NULL DEFAULT 0,
                -- How often the item was leased: a lease that ran out without a result (crashed instance) shows here.
                leases           integer NOT NULL DEFAULT 0,
                last_error       text    NULL,
                delivered_at_ms  bigint  NULL
            );
            CREATE INDEX helpdesk_outbox_due ON helpdesk_outbox (next_attempt_ms, id) WHERE delivered_at_ms IS NULL;
            """),
    ]);
}
