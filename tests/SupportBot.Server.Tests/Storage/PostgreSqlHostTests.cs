using Npgsql;
using SupportBot.Server.Tests.Bot;
using SupportBot.Server.Tests.Infrastructure;
using SupportBot.Storage;
using SupportBot.Storage.PostgreSql;
using Microsoft.Extensions.DependencyInjection;

namespace SupportBot.Server.Tests.Storage;

/// <summary>
/// <c>ConnectionStrings:SupportBot</c> selects PostgreSQL: two host instances on one database serve one
/// conversation whose turns alternate between them. Needs <c>SUPPORTBOT_TEST_POSTGRES</c> (tests/run sets it by
/// sourcing tests/postgres.sh); without it these tests have nothing to run against and return at once.
/// </summary>
public sealed class PostgreSqlHostTests
{
    private const string EnvironmentVariable = "SUPPORTBOT_TEST_POSTGRES";

    [Fact]
    public async Task TwoInstances_OnePostgreSql_ConversationAlternatesBetweenThem()
    {
        var server = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            return; // no PostgreSQL here: tests/run provides one
        }
        var name = "supportbot_host_" + Guid.NewGuid().ToString("N");
        OnServer(server, $"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0;");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 20 }.ConnectionString;
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:SupportBot"] = connectionString,
            ["DirectLine:Secret"] = "a-shared-direct-line-secret-for-both-instances-0123456789",
        };
        var a = new SupportBotFactory(settings: settings, fakeTime: false);
        var b = new SupportBotFactory(settings: settings, fakeTime: false);
        try
        {
            Assert.IsType<PostgreSqlStorage>(a.Services.GetRequiredService<PostgreSqlStorage>());
            Assert.IsNotType<NullActivityNotifications>(a.Services.GetRequiredService<IActivityNotifications>());

            var (chat, greeting) = await BotConversation.StartAsync(a.DirectLine());
            Assert.Single(greeting);
            var onB = chat.On(b.DirectLine());
            var symptom = await onB.SayAsync("Passage に『ライセンスが確認できません』と表示される");
            Assert.Equal("symptom", BotConversation.State(symptom[^1]));
            var next = await chat.SayAsync("はい");
            Assert.Equal("remaining-days", BotConversation.State(next[^1]));
        }
        finally
        {
            a.Dispose();
            b.Dispose();
            SupportBotFactory.DeleteDataDir(a.DataDir);
            SupportBotFactory.DeleteDataDir(b.DataDir);
            NpgsqlConnection.ClearAllPools();
            OnServer(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE);");
        }
    }

    private static void OnServer(string server, string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
