namespace SupportBot.Storage.PostgreSql;

/// <summary>
/// The activity inbox table (<see cref="PostgreSqlActivityInbox"/>) in the shared PostgreSQL database, on its own
/// migration track (<c>inbox_schema_version</c>), migrated when created.
/// </summary>
public sealed class PostgreSqlActivityInboxDatabase : PostgreSqlModuleDatabase
{
    /// <summary>The inbox's migration track.</summary>
    public static PostgreSqlSchemaTrack InboxTrack { get; } = new("inbox_schema_version",
    [
        new(1, "activity inbox: accepted activities held by an instance with a lease until their turn is over", """
            CREATE TABLE activity_inbox (
                id              bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                conversation_id text    NOT NULL,
                activity_id     text    NULL,
                activity_json   text    NOT NULL,
                received_at_ms  bigint  NOT NULL,
                -- The instance holding the entry and until when (Unix ms of the app clock); renewed while it lives.
                owner           text    NOT NULL,
                lease_until_ms  bigint  NOT NULL,
                claims          integer NOT NULL DEFAULT 0
            );
            CREATE INDEX activity_inbox_owner ON activity_inbox (owner);
            CREATE INDEX activity_inbox_lease ON activity_inbox (lease_until_ms, id);
            """),
    ]);

    /// <summary>Uses the pool of <paramref name="database"/>; disposes it with this object only when <paramref name="ownsDatabase"/>.</summary>
    public PostgreSqlActivityInboxDatabase(PostgreSqlDatabase database, bool ownsDatabase = false)
        : base(database, InboxTrack, ownsDatabase)
    {
    }
}
