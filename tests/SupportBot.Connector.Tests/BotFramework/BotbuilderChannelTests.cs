using System.Text.Json;
using SupportBot.Testing;

namespace SupportBot.Connector.Tests.BotFramework;

/// <summary>
/// Wire compatibility with code nobody here wrote: Microsoft's botbuilder 4.23.3 (npm) plays Teams. Its
/// ChannelServiceRoutes/ChannelServiceHandler receive our replies on a local serviceUrl and a Node script posts
/// Teams-shaped activities to our /api/messages, following a conversation script (botbuilder-channel/scripts/*.json).
/// The same harness drives any bot: <c>node channel.js --bot &lt;url&gt;/api/messages --script &lt;file&gt;</c>.
/// </summary>
public sealed class BotbuilderChannelTests
{
    private static readonly string HarnessDir = Path.Combine(RepositoryRoot.Containing("tests/SupportBot.Connector.Tests/botbuilder-channel"), "tests", "SupportBot.Connector.Tests", "botbuilder-channel");

    [Theory]
    [InlineData("echo-bot.json", 7)]
    [InlineData("echo-bot-group.json", 3)]
    public async Task A_botbuilder_channel_completes_the_scripted_conversation(string script, int steps)
    {
        await EnsureNodeModulesAsync();
        await using var host = await BotHost.StartAsync();

        var (exitCode, stdout, stderr) = await ExternalProcess.RunAsync("node", HarnessDir, TimeSpan.FromMinutes(3), "channel.js", "--bot", host.MessagesUrl.ToString(), "--script", Path.Combine("scripts", script));

        Assert.True(exitCode == 0, $"botbuilder channel failed ({exitCode}):\n{stderr}\n{stdout}");
        using var transcript = JsonDocument.Parse(stdout);
        Assert.Equal(steps, transcript.RootElement.GetProperty("steps").GetArrayLength());
    }

    private static async Task EnsureNodeModulesAsync()
    {
        if (!File.Exists(Path.Combine(HarnessDir, "node_modules", "botbuilder", "package.json")))
        {
            var npm = await ExternalProcess.RunAsync("npm", HarnessDir, TimeSpan.FromMinutes(3), "ci", "--no-audit", "--no-fund");
            Assert.True(npm.ExitCode == 0, $"npm ci failed:\n{npm.Combined}");
        }
    }
}
