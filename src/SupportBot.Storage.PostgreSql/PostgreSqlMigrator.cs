using Npgsql;

namespace SupportBot.Storage.PostgreSql;

/// <summary>Applies the numbered <see cref="PostgreSqlMigrations"/> that a database has not seen yet.</summary>
internal static class PostgreSqlMigrator
{
    /// <summary>
    /// Key of the transaction-scoped advisory lock every migrator takes first ("SupportB" in ASCII).
    /// Advisory locks are per database, so unrelated databases on one server never wait on each other.
    /// </summary>
    public const long AdvisoryLockKey = 0x5375_7070_6F72_7442;

    /// <summary>Brings the schema up to date; returns the schema version afterwards. Safe to run any number of times, from any number of processes at once.</summary>
    public static async Task<int> MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // Instances starting together queue here; each later one then sees the steps already recorded.
        // DDL is transactional in PostgreSQL, so a failed step leaves nothing half-applied.
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1);", connection, transaction))
        {
            lockCommand.Parameters.Add(new NpgsqlParameter<long> { TypedValue = AdvisoryLockKey });
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        int current;
        await using (var versionCommand = new NpgsqlCommand("""
            CREATE TABLE IF NOT EXISTS schema_version (
                version     integer     NOT NULL PRIMARY KEY,
                description text        NOT NULL,
                applied_at  timestamptz NOT NULL DEFAULT now()
            );
            SELECT COALESCE(MAX(version), 0) FROM schema_version;
            """, connection, transaction))
        {
            current = Convert.ToInt32(await versionCommand.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }

        foreach (var step in PostgreSqlMigrations.All.Where(m => m.Version > current).OrderBy(m => m.Version))
        {
            await using (var stepCommand = new NpgsqlCommand(step.Sql, connection, transaction))
            {
                await stepCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await using (var record = new NpgsqlCommand("INSERT INTO schema_version (version, description) VALUES ($1, $2);", connection, transaction))
            {
                record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = step.Version });
                record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = step.Description });
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            current = step.Version;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return current;
    }
}
