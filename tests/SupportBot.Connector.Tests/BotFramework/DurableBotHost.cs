using Microsoft.Extensions.DependencyInjection;
using SupportBot.Storage;
using SupportBot.Storage.Sqlite;

namespace SupportBot.Connector.Tests.BotFramework;

/// <summary>
/// Like <see cref="BotHost"/> (real Kestrel on 127.0.0.1, <see cref="TestBot"/>, anonymous mode), with the SQLite
/// engine of a data directory: conversation state and the activity inbox in one real file. Two hosts on the same
/// directory one after the other model a restart.
/// </summary>
public sealed class DurableBotHost : IAsyncDisposable
{
    private readonly BotHost _host;
    private readonly SqliteDatabase _database;

    private DurableBotHost(BotHost host, SqliteDatabase database)
    {
        _host = host;
        _database = database;
    }

    public Uri MessagesUrl => _host.MessagesUrl;
    public string DatabaseFile => _database.FilePath;
    public IActivityInbox Inbox => _host.Services.GetRequiredService<IActivityInbox>();

    /// <param name="dataDir">The data directory (created if needed).</param>
    /// <param name="settings">Configuration on top of the test defaults.</param>
    /// <param name="inboxBusyTimeout">How long a write (the inbox's, the state's) waits for the file lock.</param>
    public static async Task<DurableBotHost> StartAsync(string dataDir, IDictionary<string, string?>? settings = null, TimeSpan? inboxBusyTimeout = null)
    {
        // No typing indicators in these tests: they count the replies a channel receives.
        var merged = new Dictionary<string, string?> { ["BotFramework:TypingDelay"] = "00:00:10" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        var database = SqliteDatabase.Open(dataDir, inboxBusyTimeout);
        var host = await BotHost.StartAsync(merged, services =>
        {
            services.AddSingleton(database);
            services.AddSingleton<IConversationStateStore, SqliteConversationStateStore>();
            services.AddSingleton<IActivityInbox>(new SqliteActivityInbox(database, inboxBusyTimeout));
        });
        return new DurableBotHost(host, database);
    }

    public Task<HttpResponseMessage> PostAsync(string json) => _host.PostAsync(json);

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }
}
