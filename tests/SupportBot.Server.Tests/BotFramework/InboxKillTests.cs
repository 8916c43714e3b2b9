using System.Net;
using SupportBot.Server.Tests.Infrastructure;
using SupportBot.Testing;

namespace SupportBot.Server.Tests.BotFramework;

/// <summary>
/// Issue 8 on SQLite with real processes: the host (anonymous Bot Framework mode, its own data directory) accepts a
/// Teams message whose reply the serviceUrl holds, then three more of that conversation (202, waiting behind the
/// first); it is killed (kill -9) and started again on the same data directory, which answers the three, in order,
/// each once, and does not run the first again (its state was saved before the reply went out).
/// </summary>
public sealed class InboxKillTests : IDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);
    private readonly string _dataDir = Directory.CreateTempSubdirectory("supportbot-bf-kill-").FullName;

    [Fact]
    public async Task Activities_accepted_before_a_kill_are_answered_after_the_restart_in_order_once()
    {
        await using var teams = await TeamsServiceUrl.StartAsync(holdFirstReply: true);
        const string conversation = "a:inbox-kill-sqlite";
        var first = teams.Message(conversation, "今日の天気を教えて");
        var waiting = Enumerable.Range(0, 3).Select(_ => teams.Message(conversation, "今日の天気を教えて")).ToList();

        await using (var host = await StartHostAsync("before the kill"))
        {
            using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            Assert.Equal(HttpStatusCode.Accepted, await TeamsServiceUrl.PostAsync(http, first));
            await teams.FirstReplyHeld.WaitAsync(TimeSpan.FromSeconds(60)); // the first turn hangs at its reply
            foreach (var activity in waiting)
            {
                Assert.Equal(HttpStatusCode.Accepted, await TeamsServiceUrl.PostAsync(http, activity));
            }

            host.Kill();
            Assert.True(host.HasExited || await ExitedAsync(host), "the host survived kill -9");
        }
        Assert.Single(teams.Replies); // only the held reply to the first message went out

        await using var restarted = await StartHostAsync("after the restart");
        var ids = waiting.Select(a => (string)a["id"]!).ToList();
        var replies = await teams.WaitForRepliesToAsync(ids, TimeSpan.FromSeconds(60));

        Assert.True(ids.All(id => replies.Any(r => TeamsServiceUrl.ReplyTo(r) == id)), "not every accepted activity was answered\n" + restarted.RecentOutput);
        TeamsServiceUrl.AssertAnsweredInOrderOnce(replies, ids);
        var firstId = (string)first["id"]!;
        Assert.Single(teams.Replies, r => TeamsServiceUrl.ReplyTo(r) == firstId); // acknowledged as a duplicate, not run again
        Assert.Contains("Recovered 4 accepted activities from the inbox", restarted.RecentOutput, StringComparison.Ordinal);
    }

    private Task<ServerProcess> StartHostAsync(string name)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "SupportBot.Server.dll");
        var root = RepositoryRoot.Containing("dialogs");
        return ServerProcess.StartAsync(name, dll, AppContext.BaseDirectory, new Dictionary<string, string>
        {
            ["SupportBot__DataDir"] = _dataDir,
            ["SupportBot__DialogsDir"] = Path.Combine(root, "dialogs"),
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__SupportBot.Connector.BotFramework"] = "Information",
            ["Logging__Console__FormatterName"] = "simple",
        }, ReadyTimeout);
    }

    private static async Task<bool> ExitedAsync(ServerProcess host)
    {
        for (var i = 0; i < 200 && !host.HasExited; i++)
        {
            await Task.Delay(50);
        }
        return host.HasExited;
    }

    public void Dispose() => SupportBotFactory.DeleteDataDir(_dataDir);
}
