using System.Globalization;
using Npgsql;

namespace SupportBot.Storage.PostgreSql;

/// <summary>One schema change of a <see cref="PostgreSqlSchemaTrack"/>.</summary>
/// <param name="Version">Position in the track; never renumber a released step.</param>
/// <param name="Description">What the step does (kept in the track's version table).</param>
/// <param name="Sql">The statements to run (inside the migration transaction).</param>
public sealed record PostgreSqlSchemaStep(int Version, string Description, string Sql);

/// <summary>
/// A numbered migration track with its own version table, so the core storage, the helpdesk and the agent
/// link evolve their tables independently in one database. Every track migrates under the same
/// transaction-scoped advisory lock: instances starting at once queue, and each later one sees the steps
/// already recorded. DDL is transactional in PostgreSQL, so a failed step leaves nothing half-applied.
/// </summary>
/// <param name="VersionTable">The table recording applied steps, e.g. <c>helpdesk_schema_version</c>.</param>
/// <param name="Steps">The ordered steps.</param>
public sealed record PostgreSqlSchemaTrack(string VersionTable, IReadOnlyList<PostgreSqlSchemaStep> Steps)
{
    /// <summary>
    /// Key of the advisory lock every migration takes first ("SupportB" in ASCII). Advisory locks are per
    /// database, so unrelated databases on one server never wait on each other.
    /// </summary>
    public const long AdvisoryLockKey = 0x5375_7070_6F72_7442;

    /// <summary>The version a fully migrated database reports for this track.</summary>
    public int Latest => Steps.Count == 0 ? 0 : Steps.Max(s => s.Version);

    /// <summary>Brings the track up to date; returns its version afterwards. Safe from any number of processes at once.</summary>
    public async Task<int> MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1);", connection, transaction))
        {
            lockCommand.Parameters.Add(new NpgsqlParameter<long> { TypedValue = AdvisoryLockKey });
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        int current;
        await using (var versionCommand = new NpgsqlCommand($"""
            CREATE TABLE IF NOT EXISTS {VersionTable} (
                version     integer     NOT NULL PRIMARY KEY,
                description text        NOT NULL,
                applied_at  timestamptz NOT NULL DEFAULT now()
            );
            SELECT COALESCE(MAX(version), 0) FROM {VersionTable};
            """, connection, transaction))
        {
            current = Convert.ToInt32(await versionCommand.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }

        foreach (var step in Steps.Where(s => s.Version > current).OrderBy(s => s.Version))
        {
            await using (var stepCommand = new NpgsqlCommand(step.Sql, connection, transaction))
            {
                await stepCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await using (var record = new NpgsqlCommand($"INSERT INTO {VersionTable} (version, description) VALUES ($1, $2);", connection, transaction))
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

    /// <summary>The synchronous form of <see cref="MigrateAsync"/> (for singletons created by DI).</summary>
    public int Migrate(NpgsqlDataSource dataSource) => MigrateAsync(dataSource).GetAwaiter().GetResult();
}
