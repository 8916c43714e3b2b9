namespace SupportBot.Storage.PostgreSql;

/// <summary>
/// Every PostgreSQL store over one migrated database: the host's single entry point when
/// <c>ConnectionStrings:SupportBot</c> is set. Create one per process and register its stores as
/// singletons; dispose it on shutdown (it owns the connection pool).
/// </summary>
/// <example>
/// <code>
/// var connectionString = configuration.GetConnectionString(PostgreSqlStorage.ConnectionStringName);
/// if (!string.IsNullOrWhiteSpace(connectionString))
/// {
///     var storage = await PostgreSqlStorage.OpenAsync(connectionString, ct);
///     services.AddSingleton&lt;IConversationStateStore&gt;(storage.States);
///     // ... storage.ActivityLog, storage.Conversations, storage.Health
/// }
/// </code>
/// </example>
public sealed class PostgreSqlStorage : IDisposable, IAsyncDisposable
{
    /// <summary>The name under <c>ConnectionStrings</c> that selects PostgreSQL.</summary>
    public const string ConnectionStringName = "SupportBot";

    private PostgreSqlStorage(PostgreSqlDatabase database)
    {
        Database = database;
        States = new PostgreSqlConversationStateStore(database);
        ActivityLog = new PostgreSqlActivityLog(database);
        Conversations = new PostgreSqlConversationRegistry(database);
        Health = new PostgreSqlStorageHealth(database);
        ConversationLocks = new PostgreSqlConversationLockProvider(database);
        _notifications = new Lazy<PostgreSqlActivityNotifications>(() => new PostgreSqlActivityNotifications(database));
    }

    private readonly Lazy<PostgreSqlActivityNotifications> _notifications;

    /// <summary>The database (data source and schema version) behind the stores.</summary>
    public PostgreSqlDatabase Database { get; }

    /// <summary>Conversation state with optimistic concurrency.</summary>
    public IConversationStateStore States { get; }

    /// <summary>The Direct Line activity log.</summary>
    public IActivityLog ActivityLog { get; }

    /// <summary>The Direct Line conversation registry.</summary>
    public IDirectLineConversationRegistry Conversations { get; }

    /// <summary>The readiness probe.</summary>
    public IStorageHealth Health { get; }

    /// <summary>Per-conversation locks across instances (serialises turns).</summary>
    public IConversationLockProvider ConversationLocks { get; }

    /// <summary>
    /// Cross-instance append notifications (LISTEN/NOTIFY). Created on first use: it holds one
    /// dedicated connection, which only hosts that fan out Direct Line streams need.
    /// </summary>
    public PostgreSqlActivityNotifications Notifications => _notifications.Value;

    /// <summary>Opens and migrates the database (see <see cref="PostgreSqlDatabase.Open(string)"/>) and creates every store on it.</summary>
    public static PostgreSqlStorage Open(string connectionString) => new(PostgreSqlDatabase.Open(connectionString));

    /// <summary>The asynchronous form of <see cref="Open(string)"/>.</summary>
    public static async Task<PostgreSqlStorage> OpenAsync(string connectionString, CancellationToken cancellationToken = default) =>
        new(await PostgreSqlDatabase.OpenAsync(connectionString, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public void Dispose()
    {
        if (_notifications.IsValueCreated)
        {
            _notifications.Value.Dispose();
        }
        Database.Dispose();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_notifications.IsValueCreated)
        {
            await _notifications.Value.DisposeAsync().ConfigureAwait(false);
        }
        await Database.DisposeAsync().ConfigureAwait(false);
    }
}
