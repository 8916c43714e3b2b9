using Npgsql;

namespace SupportBot.Storage.PostgreSql;

/// <summary>
/// A module's tables (helpdesk, agent link) in the shared PostgreSQL database, on the module's own
/// <see cref="PostgreSqlSchemaTrack"/>, migrated when created. The counterpart of <c>SqliteModuleDatabase</c>.
/// </summary>
/// <remarks>
/// Uses the pool of the <see cref="PostgreSqlDatabase"/> it is given; it disposes that database only when
/// it owns it (a module opened on its own, outside a host that already opened <see cref="PostgreSqlStorage"/>).
/// </remarks>
public abstract class PostgreSqlModuleDatabase : IDisposable
{
    private readonly PostgreSqlDatabase _database;
    private readonly bool _ownsDatabase;

    /// <summary>Migrates <paramref name="track"/> on <paramref name="database"/> (under the advisory lock).</summary>
    protected PostgreSqlModuleDatabase(PostgreSqlDatabase database, PostgreSqlSchemaTrack track, bool ownsDatabase)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(track);
        _database = database;
        _ownsDatabase = ownsDatabase;
        Track = track;
        SchemaVersion = track.Migrate(database.DataSource);
    }

    /// <summary>The pooled data source the module's stores use.</summary>
    public NpgsqlDataSource DataSource => _database.DataSource;

    /// <summary>The module's migration track.</summary>
    public PostgreSqlSchemaTrack Track { get; }

    /// <summary>The track's version after migrating.</summary>
    public int SchemaVersion { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsDatabase)
        {
            _database.Dispose();
        }
        GC.SuppressFinalize(this);
    }
}
