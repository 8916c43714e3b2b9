using Npgsql;

namespace SupportBot.Storage.PostgreSql;

/// <summary>
/// The PostgreSQL database behind every PostgreSQL store: one pooled <see cref="NpgsqlDataSource"/>
/// per process, with the schema migrated on open. The counterpart of <c>SqliteDatabase</c>.
/// </summary>
/// <remarks>
/// Several instances may share the database: every store keeps its invariants in the database
/// (row locks, conditional writes), never in process memory.
/// </remarks>
public sealed class PostgreSqlDatabase : IDisposable, IAsyncDisposable
{
    // Npgsql prepares a statement server-side after it has run a few times on a connection;
    // our stores use a handful of fixed statements, so this removes re-parsing on the hot path.
    private const int DefaultMaxAutoPrepare = 32;

    private PostgreSqlDatabase(NpgsqlDataSource dataSource, string connectionString)
    {
        DataSource = dataSource;
        ConnectionString = connectionString;
    }

    /// <summary>The pooled data source every store of this database uses.</summary>
    public NpgsqlDataSource DataSource { get; }

    // Kept (with the password) for the notification listener's own unpooled connection:
    // NpgsqlDataSource.ConnectionString drops the password.
    internal string ConnectionString { get; }

    /// <summary>The number of migration steps this build knows.</summary>
    public static int LatestSchemaVersion => PostgreSqlMigrations.Latest;

    /// <summary>
    /// Connects with <paramref name="connectionString"/> (an Npgsql connection string, e.g. the
    /// value of <c>ConnectionStrings:SupportBot</c>) and applies any pending migrations. Safe when
    /// several processes open the same database at once: migrations run under an advisory lock.
    /// </summary>
    public static PostgreSqlDatabase Open(string connectionString)
    {
        var database = new PostgreSqlDatabase(CreateDataSource(connectionString), connectionString);
        try
        {
            database.Migrate();
            return database;
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    /// <summary>The asynchronous form of <see cref="Open(string)"/>.</summary>
    public static async Task<PostgreSqlDatabase> OpenAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var database = new PostgreSqlDatabase(CreateDataSource(connectionString), connectionString);
        try
        {
            await PostgreSqlMigrator.MigrateAsync(database.DataSource, cancellationToken).ConfigureAwait(false);
            return database;
        }
        catch
        {
            await database.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Applies pending migrations (safe to repeat); returns the schema version afterwards.</summary>
    public int Migrate() => PostgreSqlMigrator.MigrateAsync(DataSource, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>The highest migration step recorded in the database.</summary>
    public int SchemaVersion()
    {
        using var command = DataSource.CreateCommand("SELECT COALESCE(MAX(version), 0) FROM schema_version;");
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }
        builder.ConnectionStringBuilder.ApplicationName ??= "SupportBot";
        return builder.Build();
    }

    /// <inheritdoc />
    public void Dispose() => DataSource.Dispose();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
