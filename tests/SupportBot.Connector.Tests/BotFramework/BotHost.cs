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

namespace SupportBot.Connector.Tests.BotFramework;

/// <summary>
/// A real Kestrel host on 127.0.0.1 wired the way the server will be: AddBotFrameworkChannel +
/// MapBotFrameworkMessages, with <see cref="TestBot"/> as the IBot and an in-memory state store (or the stores
/// <c>addStores</c> registers, see <see cref="DurableBotHost"/>).
/// </summary>
public sealed class BotHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BotHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }
    public HttpClient Http { get; }
    public Uri MessagesUrl => new(BaseAddress, "api/messages");
    public IServiceProvider Services => _app.Services;

    public static async Task<BotHost> StartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? addStores = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BotFramework:TypingDelay"] = "00:00:00.300",
            ["BotFramework:TypingPeriod"] = "00:00:00.500",
            ["Connector:RetryBaseDelay"] = "00:00:00.050",
            ["Connector:RetryMaxDelay"] = "00:00:00.200",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        if (addStores is null)
        {
            builder.Services.AddSingleton<IConversationStateStore, InMemoryStateStore>();
        }
        else
        {
            addStores(builder.Services);
        }
        builder.Services.AddSingleton<IBot, TestBot>();
        builder.Services.AddBotFrameworkChannel(builder.Configuration);
        var app = builder.Build();
        app.MapBotFrameworkMessages();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BotHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public Task<HttpResponseMessage> PostAsync(string json, string? bearer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, MessagesUrl)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return Http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
