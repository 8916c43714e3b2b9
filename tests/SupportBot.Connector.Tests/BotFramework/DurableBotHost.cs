using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SupportBot.Builder;
using SupportBot.Connector.BotFramework;
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
    private readonly WebApplication _app;

    private DurableBotHost(WebApplication app, Uri baseAddress, string databaseFile)
    {
        _app = app;
        Http = new HttpClient { BaseAddress = baseAddress };
        MessagesUrl = new Uri(baseAddress, "api/messages");
        DatabaseFile = databaseFile;
    }

    public HttpClient Http { get; }
    public Uri MessagesUrl { get; }
    public string DatabaseFile { get; }
    public IActivityInbox Inbox => _app.Services.GetRequiredService<IActivityInbox>();

    /// <param name="dataDir">The data directory (created if needed).</param>
    /// <param name="settings">Configuration on top of the test defaults.</param>
    /// <param name="inboxBusyTimeout">How long an inbox write waits for the file lock.</param>
    public static async Task<DurableBotHost> StartAsync(string dataDir, IDictionary<string, string?>? settings = null, TimeSpan? inboxBusyTimeout = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BotFramework:TypingDelay"] = "00:00:10",
            ["Connector:RetryBaseDelay"] = "00:00:00.050",
            ["Connector:RetryMaxDelay"] = "00:00:00.200",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        var database = SqliteDatabase.Open(dataDir);
        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton<IConversationStateStore, SqliteConversationStateStore>();
        builder.Services.AddSingleton<IActivityInbox>(new SqliteActivityInbox(new SqliteActivityInboxDatabase(database.FilePath, inboxBusyTimeout)));
        builder.Services.AddSingleton<IBot, TestBot>();
        builder.Services.AddBotFrameworkChannel(builder.Configuration);
        var app = builder.Build();
        app.MapBotFrameworkMessages();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DurableBotHost(app, new Uri(address.TrimEnd('/') + "/"), database.FilePath);
    }

    public Task<HttpResponseMessage> PostAsync(string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, MessagesUrl)
        {
            Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        return Http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
