using Npgsql;

namespace SupportBot.Storage.PostgreSql;

/// <summary>Applies the core <see cref="PostgreSqlMigrations"/> (track <c>schema_version</c>) that a database has not seen yet.</summary>
internal static class PostgreSqlMigrator
{
    /// <summary>The advisory lock key every track migrates under (see <see cref="PostgreSqlSchemaTrack.AdvisoryLockKey"/>).</summary>
    public const long AdvisoryLockKey = PostgreSqlSchemaTrack.AdvisoryLockKey;

    private static readonly PostgreSqlSchemaTrack Core = new(
        "schema_version",
        [.. PostgreSqlMigrations.All.Select(m => new PostgreSqlSchemaStep(m.Version, m.Description, m.Sql))]);

    /// <summary>Brings the schema up to date; returns the schema version afterwards. Safe to run any number of times, from any number of processes at once.</summary>
    public static Task<int> MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        Core.MigrateAsync(dataSource, cancellationToken);
}
