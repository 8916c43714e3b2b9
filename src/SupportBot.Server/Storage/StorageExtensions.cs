using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SupportBot.Server.Hosting;
using SupportBot.Storage;
using SupportBot.Storage.Sqlite;

namespace SupportBot.Server.Storage;

/// <summary>Registers the storage engine (SQLite under <c>SupportBot:DataDir</c>).</summary>
public static class StorageExtensions
{
    /// <summary>Adds the SQLite database (opened and migrated at start) and the stores on top of it.</summary>
    public static WebApplicationBuilder AddSupportBotStorage(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
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
        // One SQLite instance: local publishing reaches every stream; no cross-instance notifications.
        services.TryAddSingleton<IActivityNotifications>(NullActivityNotifications.Instance);
        // Open (and migrate) at start, not on the first request.
        services.AddHostedService<StorageStartup>();
        return builder;
    }

    private sealed class StorageStartup(SqliteDatabase database) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.FromResult(database.FilePath);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
