using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SupportBot.Connector.BotFramework;
using SupportBot.Server.Hosting;
using SupportBot.Storage;
using SupportBot.Storage.PostgreSql;
using SupportBot.Storage.Sqlite;

namespace SupportBot.Server.Storage;

/// <summary>
/// Registers the storage engine: PostgreSQL when <c>ConnectionStrings:SupportBot</c> is set (several instances on one
/// database), otherwise SQLite under <c>SupportBot:DataDir</c> (one instance).
/// </summary>
public static class StorageExtensions
{
    /// <summary>Adds the engine's stores; the database is opened (and migrated) at start, not on the first request.</summary>
    public static WebApplicationBuilder AddSupportBotStorage(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(PostgreSqlStorage.ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            AddPostgreSql(builder.Services, connectionString);
        }
        else
        {
            AddSqlite(builder.Services);
        }
        return builder;
    }

    private static void AddPostgreSql(IServiceCollection services, string connectionString)
    {
        // One per process: it owns the connection pool (disposed with the container).
        services.AddSingleton(_ => PostgreSqlStorage.Open(connectionString));
        services.AddSingleton(p => p.GetRequiredService<PostgreSqlStorage>().States);
        services.AddSingleton(p => p.GetRequiredService<PostgreSqlStorage>().ActivityLog);
        services.AddSingleton(p => p.GetRequiredService<PostgreSqlStorage>().Conversations);
        services.AddSingleton(p => p.GetRequiredService<PostgreSqlStorage>().Health);
        services.AddSingleton(p => p.GetRequiredService<PostgreSqlStorage>().ConversationLocks);
        // LISTEN/NOTIFY: streams on this instance see replies appended by the others.
        services.TryAddSingleton<IActivityNotifications>(p => p.GetRequiredService<PostgreSqlStorage>().Notifications);
        // Bot Framework activities answered 202: held with a lease, taken over by a survivor when this instance dies.
        services.AddSingleton<IActivityInbox>(p => new PostgreSqlActivityInbox(
            new PostgreSqlActivityInboxDatabase(p.GetRequiredService<PostgreSqlStorage>().Database),
            p.GetRequiredService<TimeProvider>(),
            p.GetRequiredService<IOptions<BotFrameworkChannelOptions>>().Value.InboxLease));
        services.AddHostedService(p => new StorageStartup(p.GetRequiredService<PostgreSqlStorage>()));
    }

    private static void AddSqlite(IServiceCollection services)
    {
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ServerOptions>>().Value;
            var contentRoot = provider.GetRequiredService<IHostEnvironment>().ContentRootPath;
            return SqliteDatabase.Open(options.DataDirectoryFullPath(contentRoot));
        });
        services.AddSingleton<IConversationStateStore, SqliteConversationStateStore>();
        services.AddSingleton<IActivityLog, SqliteActivityLog>();
        services.AddSingleton<IDirectLineConversationRegistry, SqliteConversationRegistry>();
        services.AddSingleton<IStorageHealth, SqliteStorageHealth>();
        services.AddSingleton<IConversationLockProvider, InProcessConversationLockProvider>();
        // One SQLite instance: local publishing reaches every stream; no cross-instance notifications.
        services.TryAddSingleton<IActivityNotifications>(NullActivityNotifications.Instance);
        // Bot Framework activities answered 202, in the same file: the next start runs what this process left.
        services.AddSingleton<IActivityInbox>(p => new SqliteActivityInbox(p.GetRequiredService<SqliteDatabase>()));
        services.AddHostedService(p => new StorageStartup(p.GetRequiredService<SqliteDatabase>()));
    }

    /// <summary>Resolves the engine at start so a wrong path or connection string stops the host at once.</summary>
    private sealed class StorageStartup(object engine) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.FromResult(engine);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
