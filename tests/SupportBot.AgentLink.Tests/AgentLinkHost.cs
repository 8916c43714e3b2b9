using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SupportBot.Agent.Contracts;
using SupportBot.Schema;

namespace SupportBot.AgentLink.Tests;

/// <summary>A real Kestrel host on 127.0.0.1 with AddAgentLink/MapAgentLink over a SQLite file in <see cref="DataDir"/>.</summary>
public sealed class AgentLinkHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AgentLinkHost(WebApplication app, string dataDir, RecordingSink sink)
    {
        _app = app;
        DataDir = dataDir;
        Sink = sink;
        BaseUrl = new Uri(app.Urls.First());
        Http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(90) };
    }

    public Uri BaseUrl { get; }
    public string DataDir { get; }
    public RecordingSink Sink { get; }
    public HttpClient Http { get; }
    public IAgentPairing Pairing => _app.Services.GetRequiredService<IAgentPairing>();
    public IAgentPresence Presence => _app.Services.GetRequiredService<IAgentPresence>();
    public IAgentCheckDispatcher Dispatcher => _app.Services.GetRequiredService<IAgentCheckDispatcher>();

    public static async Task<AgentLinkHost> StartAsync(string? dataDir = null, TimeProvider? time = null, IDictionary<string, string?>? settings = null)
    {
        dataDir ??= Directory.CreateTempSubdirectory("agentlink-").FullName;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SupportBot:DataDir"] = dataDir,
            ["AgentLink:StorePollInterval"] = "00:00:00.250",
            ["AgentLink:ExpirySweepInterval"] = "00:00:00.200",
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        if (time is not null) builder.Services.AddSingleton(time);
        builder.Services.AddAgentLink(builder.Configuration);
        var sink = new RecordingSink();
        builder.Services.AddSingleton<IAgentResultSink>(sink); // registered after AddAgentLink, as a host would
        var app = builder.Build();
        app.MapAgentLink();
        await app.StartAsync();
        return new AgentLinkHost(app, dataDir, sink);
    }

    public static ConversationReference Conversation(string id, string channel = "directline") => new()
    {
        Conversation = new ConversationAccount(id),
        ChannelId = channel,
        User = new ChannelAccount { Id = "user-" + id },
        Bot = new ChannelAccount { Id = "bot" },
        Locale = "ja-JP",
    };

    public Task<HttpResponseMessage> PairAsync(string code) =>
        Http.PostAsJsonAsync(AgentContract.PairPath, new PairRequest(code, "1.0.0", "test"), AgentJsonContext.Default.PairRequest);

    /// <summary>Creates a code for <paramref name="conversationId"/> and pairs with it; returns the agent token.</summary>
    public async Task<string> PairNewAsync(string conversationId)
    {
        var code = await Pairing.CreateCodeAsync(Conversation(conversationId));
        using var response = await PairAsync(code.Code);
        response.EnsureSuccessStatusCode();
        var paired = await response.Content.ReadFromJsonAsync(AgentJsonContext.Default.PairResponse);
        return paired!.AgentToken;
    }

    public async Task<HttpResponseMessage> PollAsync(string token, int wait)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{AgentContract.JobsPath}?wait={wait}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> PostResultAsync(string token, CheckResult result)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, AgentContract.ResultsPath)
        {
            Content = JsonContent.Create(result, AgentJsonContext.Default.CheckResult),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Http.SendAsync(request);
    }

    public static CheckResult Result(string jobId, string kind, CheckStatus status = CheckStatus.Pass) =>
        new(jobId, kind, status, new Dictionary<string, FactValue> { ["osPlatform"] = "linux" }, ["OS: linux"],
            new CheckTimings(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, new Dictionary<string, double>()), AgentVersion: "1.0.0");

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
