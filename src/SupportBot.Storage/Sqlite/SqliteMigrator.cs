namespace SupportBot.Storage.Sqlite;

/// <summary>Applies the core <see cref="SqliteMigrations"/> that a database file has not seen yet.</summary>
internal static class SqliteMigrator
{
    /// <summary>Brings the core schema up to date; returns its version afterwards. Safe to run any number of times.</summary>
    public static int Migrate(SqliteSession session) =>
        SqliteMigrationTrack.Apply(session.Connection, "schema_version", SqliteMigrations.All);
}
