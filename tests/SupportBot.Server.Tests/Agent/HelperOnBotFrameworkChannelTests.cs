using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SupportBot.Agent.Contracts;
using SupportBot.Server.Tests.Infrastructure;
using static SupportBot.Server.Tests.Agent.HelperChat;

namespace SupportBot.Server.Tests.Agent;

/// <summary>
/// The helper on a Bot Framework channel (Teams' path, anonymous Emulator mode): the user's messages arrive at
/// <c>POST /api/messages</c>, and the turns the agent link runs (<c>agent.paired</c>, then typing while the check runs)
/// reach the user through the channel adapter's proactive path, i.e. as POSTs to the conversation's serviceUrl.
/// </summary>
public sealed class HelperOnBotFrameworkChannelTests : IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private readonly SupportBotFactory _factory = new(fakeTime: false); // the connector's per-conversation rate gate runs on the clock
    private LocalChannelServer _channel = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _channel = await LocalChannelServer.StartAsync();
        _http = _factory.CreateClient();
    }

    [Fact]
    public async Task PairingAndTheCheck_ReachTheUserThroughTheChannelsServiceUrl()
    {
        foreach (var (say, state) in new[]
        {
            ("Passage に『ライセンスが確認できません』と表示される", "symptom"), ("はい", "remaining-days"), ("12", "countdown-ok"),
            ("確認を始める", "redraw"), ("いいえ", "countdown-check"), ("はい、毎日減っています", "license-type"),
        })
        {
            await SayAsync(say);
            await _channel.WaitForAsync(m => State(m) == state, Limit);
        }
        await SayAsync("インターネットライセンス認証");
        await _channel.WaitForAsync(m => Text(m) == PassagePath.OfferQuestion, Limit);
        await SayAsync("使う");
        var command = await _channel.WaitForAsync(m => Text(m).Contains("supportbot-agent pair", StringComparison.Ordinal), Limit);
        var (code, _) = PassagePath.Command([command]);

        using var paired = await _http.PostAsJsonAsync(AgentContract.PairPath, new PairRequest(code, "1.0.0", "test"), AgentJsonContext.Default.PairRequest);
        Assert.Equal(HttpStatusCode.OK, paired.StatusCode);

        var connected = await _channel.WaitForAsync(m => Text(m) == "ヘルパーとつながりました。ここからはヘルパーが確認します。", Limit);
        Assert.Equal("bf-helper", connected["conversation"]!["id"]!.GetValue<string>());
        Assert.Equal("emulator-user", connected["recipient"]!["id"]!.GetValue<string>());
        await _channel.WaitForAsync(m => Text(m).Contains("パソコンで確認しています", StringComparison.Ordinal), Limit);
    }

    private async Task SayAsync(string text)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["text"] = text,
            ["id"] = Guid.NewGuid().ToString("N"),
            ["locale"] = "ja-JP",
            ["channelId"] = "emulator",
            ["serviceUrl"] = _channel.ServiceUrl,
            ["conversation"] = new JsonObject { ["id"] = "bf-helper" },
            ["from"] = new JsonObject { ["id"] = "emulator-user", ["name"] = "User" },
            ["recipient"] = new JsonObject { ["id"] = "supportbot", ["name"] = "SupportBot" },
        };
        using var response = await _http.PostAsync("/api/messages", DirectLineTestClient.Json(activity.ToJsonString()));
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} for {text}");
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        _factory.Dispose();
        SupportBotFactory.DeleteDataDir(_factory.DataDir);
        await _channel.DisposeAsync();
    }
}
