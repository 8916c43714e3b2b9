using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Server.Tests.Infrastructure;
using SupportBot.Testing;

namespace SupportBot.Server.Tests.BotFramework;

/// <summary>
/// Issue 7, wire compatibility with code nobody here wrote: Microsoft's botbuilder 4.23.3 (npm) plays Teams against the
/// REAL host on Kestrel (127.0.0.1, free port, temp data dir, anonymous mode). It installs the bot in a personal chat,
/// posts Teams-shaped activities to <c>/api/messages</c>, receives the replies on its own serviceUrl through
/// <c>ChannelServiceRoutes</c>, and walks a whole Passage conversation (dialogs/passage-license.yaml) from the welcome
/// to a <c>resolved</c> end, following tests/SupportBot.Connector.Tests/botbuilder-channel/scripts/passage.json.
/// </summary>
public sealed class PassageOverBotbuilderTests : IDisposable
{
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47"; // botbuilder-channel/activities.js
    private static readonly string HarnessDir = Path.Combine(RepositoryRoot.Containing("tests/SupportBot.Connector.Tests/botbuilder-channel"), "tests", "SupportBot.Connector.Tests", "botbuilder-channel");

    private readonly SupportBotFactory _factory = new(fakeTime: false);

    [Fact]
    public async Task BotbuilderChannel_WholePassageConversation_EndsResolved()
    {
        await EnsureNodeModulesAsync();
        var messagesUrl = StartKestrel() + "api/messages";

        var (exitCode, stdout, stderr) = await ExternalProcess.RunAsync("node", HarnessDir, TimeSpan.FromMinutes(3), "channel.js", "--bot", messagesUrl, "--script", Path.Combine("scripts", "passage.json"));

        Assert.True(exitCode == 0, $"botbuilder channel failed ({exitCode}):\n{stderr}\n{stdout}");
        using var transcript = JsonDocument.Parse(stdout);
        var steps = transcript.RootElement.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(15, steps.Count);

        // Teams shapes on every reply of the conversation: the tenant kept, at most 3 suggested actions (else a hero card).
        var replies = steps.SelectMany(s => s.GetProperty("replies").EnumerateArray()).Select(r => r.GetProperty("activity")).ToList();
        Assert.NotEmpty(replies);
        Assert.All(replies, a => Assert.Equal(Tenant, a.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString()));
        var messages = replies.Where(a => a.GetProperty("type").GetString() == "message").ToList();
        Assert.All(messages, m =>
        {
            var suggested = m.TryGetProperty("suggestedActions", out var s) && s.TryGetProperty("actions", out var actions) ? actions.GetArrayLength() : 0;
            var heroCards = m.TryGetProperty("attachments", out var attachments)
                ? attachments.EnumerateArray().Count(a => a.GetProperty("contentType").GetString() == "application/vnd.microsoft.card.hero")
                : 0;
            Assert.True(suggested <= 3, $"{suggested} suggested actions on a Teams 1:1 message: {m}");
            Assert.True(suggested == 0 || heroCards == 0, $"both suggested actions and a hero card: {m}");
        });
        Assert.All(messages, m => Assert.NotNull(SupportBot(m).GetProperty("state").GetString()));

        // The end: the flow's last message carries outcome "resolved"; the root then offers the menu again.
        var last = steps[^1].GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("activity"))
            .Where(a => a.GetProperty("type").GetString() == "message").ToList();
        var end = last.Last(m => SupportBot(m).GetProperty("flow").GetString() == "passage-license");
        Assert.Equal("resolved", SupportBot(end).GetProperty("outcome").GetString());
        Assert.Contains("解決してよかったです", end.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("root", SupportBot(last[^1]).GetProperty("flow").GetString());
        Assert.Equal("restart", SupportBot(last[^1]).GetProperty("state").GetString());
    }

    private static JsonElement SupportBot(JsonElement message) => message.GetProperty("channelData").GetProperty("supportBot");

    private string StartKestrel()
    {
        _factory.UseKestrel();
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Assert.StartsWith("http://127.0.0.1:", address, StringComparison.Ordinal);
        return address + "/";
    }

    private static async Task EnsureNodeModulesAsync()
    {
        if (!File.Exists(Path.Combine(HarnessDir, "node_modules", "botbuilder", "package.json")))
        {
            var npm = await ExternalProcess.RunAsync("npm", HarnessDir, TimeSpan.FromMinutes(3), "ci", "--no-audit", "--no-fund");
            Assert.True(npm.ExitCode == 0, $"npm ci failed:\n{npm.Combined}");
        }
    }

    public void Dispose()
    {
        _factory.Dispose();
        SupportBotFactory.DeleteDataDir(_factory.DataDir);
    }
}
