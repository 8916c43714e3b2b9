using System.Diagnostics;
using System.Text.Json;

namespace SupportBot.Connector.Tests.BotFramework;

/// <summary>
/// Wire compatibility with code nobody here wrote: Microsoft's botbuilder 4.23.3 (npm) plays Teams. Its
/// ChannelServiceRoutes/ChannelServiceHandler receive our replies on a local serviceUrl and a Node script posts
/// Teams-shaped activities to our /api/messages, following a conversation script (botbuilder-channel/scripts/*.json).
/// The same harness drives any bot: <c>node channel.js --bot &lt;url&gt;/api/messages --script &lt;file&gt;</c>.
/// </summary>
public sealed class BotbuilderChannelTests
{
    private static readonly string HarnessDir = Path.Combine(RepoRoot(), "tests", "SupportBot.Connector.Tests", "botbuilder-channel");

    [Theory]
    [InlineData("echo-bot.json", 7)]
    [InlineData("echo-bot-group.json", 3)]
    public async Task A_botbuilder_channel_completes_the_scripted_conversation(string script, int steps)
    {
        await EnsureNodeModulesAsync();
        await using var host = await BotHost.StartAsync();

        var (exitCode, stdout, stderr) = await RunAsync("node", "channel.js", "--bot", host.MessagesUrl.ToString(), "--script", Path.Combine("scripts", script));

        Assert.True(exitCode == 0, $"botbuilder channel failed ({exitCode}):\n{stderr}\n{stdout}");
        using var transcript = JsonDocument.Parse(stdout);
        Assert.Equal(steps, transcript.RootElement.GetProperty("steps").GetArrayLength());
    }

    private static async Task EnsureNodeModulesAsync()
    {
        if (!File.Exists(Path.Combine(HarnessDir, "node_modules", "botbuilder", "package.json")))
        {
            var (exitCode, stdout, stderr) = await RunAsync("npm", "ci", "--no-audit", "--no-fund");
            Assert.True(exitCode == 0, $"npm ci failed:\n{stdout}\n{stderr}");
        }
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = HarnessDir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "tests", "SupportBot.Connector.Tests", "botbuilder-channel")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("tests/SupportBot.Connector.Tests/botbuilder-channel not found above " + AppContext.BaseDirectory);
    }
}
