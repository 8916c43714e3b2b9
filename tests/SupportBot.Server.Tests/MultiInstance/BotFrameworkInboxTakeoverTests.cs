using System.Diagnostics;
using System.Net;
using Npgsql;
using SupportBot.Server.Tests.BotFramework;
using SupportBot.Server.Tests.Infrastructure;
using SupportBot.Testing;
using Xunit.Abstractions;

namespace SupportBot.Server.Tests.MultiInstance;

/// <summary>
/// Issue 8 on PostgreSQL with two real instances (anonymous Bot Framework mode, one database, a short inbox lease):
/// instance A accepts a Teams message whose reply the serviceUrl holds and three more of that conversation (202 each,
/// waiting behind the first); A is killed (kill -9); B takes over A's inbox entries once A's lease has run out and
/// answers the three, in order, each once, without running the first again.
/// </summary>
[Collection(MultiInstanceCollection.Name)]
public sealed class BotFrameworkInboxTakeoverTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task A_killed_instances_accepted_activities_are_answered_by_the_survivor_in_order_once()
    {
        var server = Environment.GetEnvironmentVariable("SUPPORTBOT_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            return; // no PostgreSQL test cluster here (tests/postgres.sh provides one)
        }

        var database = "supportbot_bf_inbox_" + Guid.NewGuid().ToString("N");
        await OnServerAsync(server, $"CREATE DATABASE \"{database}\" ENCODING 'UTF8' TEMPLATE template0;");
        var dataDirs = new List<string>();
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database, MaxPoolSize = 30 }.ConnectionString;
            await using var teams = await TeamsServiceUrl.StartAsync(holdFirstReply: true);
            await using var a = await StartAsync("instance A", connectionString, dataDirs);
            await using var b = await StartAsync("instance B", connectionString, dataDirs);

            const string conversation = "a:inbox-takeover";
            var first = teams.Message(conversation, "今日の天気を教えて");
            var waiting = Enumerable.Range(0, 3).Select(_ => teams.Message(conversation, "今日の天気を教えて")).ToList();
            using (var http = new HttpClient { BaseAddress = a.BaseAddress, Timeout = TimeSpan.FromSeconds(30) })
            {
                Assert.Equal(HttpStatusCode.Accepted, await TeamsServiceUrl.PostAsync(http, first));
                await teams.FirstReplyHeld.WaitAsync(TimeSpan.FromSeconds(60)); // A's first turn hangs at its reply
                foreach (var activity in waiting)
                {
                    Assert.Equal(HttpStatusCode.Accepted, await TeamsServiceUrl.PostAsync(http, activity));
                }
            }

            a.Kill();
            var sinceKill = Stopwatch.StartNew();
            var ids = waiting.Select(x => (string)x["id"]!).ToList();
            var replies = await teams.WaitForRepliesToAsync(ids, TimeSpan.FromSeconds(90));
            output.WriteLine($"answered by B {sinceKill.Elapsed.TotalSeconds:F1} s after the kill (lease {Lease.TotalSeconds} s)");

            Assert.True(ids.All(id => replies.Any(r => TeamsServiceUrl.ReplyTo(r) == id)), "not every accepted activity was answered\n" + b.RecentOutput);
            TeamsServiceUrl.AssertAnsweredInOrderOnce(replies, ids);
            var firstId = (string)first["id"]!;
            Assert.Single(teams.Replies, r => TeamsServiceUrl.ReplyTo(r) == firstId); // acknowledged as a duplicate on B
            // B claimed all four (they may come in more than one recovery pass, so the log line is not asserted):
            // the three are answered above, the first was acknowledged as a duplicate, and nothing is left.
            Assert.Equal(0L, await ScalarAsync(connectionString, "SELECT COUNT(*) FROM activity_inbox;"));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await OnServerAsync(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE);");
            foreach (var dir in dataDirs)
            {
                SupportBotFactory.DeleteDataDir(dir);
            }
        }
    }

    private static Task<ServerProcess> StartAsync(string name, string connectionString, List<string> dataDirs)
    {
        var dataDir = Directory.CreateTempSubdirectory("supportbot-bf-instance-").FullName;
        dataDirs.Add(dataDir);
        var root = RepositoryRoot.Containing("dialogs");
        return ServerProcess.StartAsync(name, Path.Combine(AppContext.BaseDirectory, "SupportBot.Server.dll"), AppContext.BaseDirectory, new Dictionary<string, string>
        {
            ["ConnectionStrings__SupportBot"] = connectionString,
            ["DirectLine__Secret"] = "bf-inbox-test-secret-" + Guid.NewGuid().ToString("N"),
            ["SupportBot__DataDir"] = dataDir,
            ["SupportBot__DialogsDir"] = Path.Combine(root, "dialogs"),
            ["BotFramework__InboxLease"] = Lease.ToString(),
            ["BotFramework__InboxRecoveryPeriod"] = "00:00:00.500",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__SupportBot.Connector.BotFramework"] = "Information",
            ["Logging__Console__FormatterName"] = "simple",
        }, TimeSpan.FromSeconds(90));
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private static async Task OnServerAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
