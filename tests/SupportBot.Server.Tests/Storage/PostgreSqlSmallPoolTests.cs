using Npgsql;
using SupportBot.Server.Tests.Infrastructure;
using SupportBot.Server.Tests.MultiInstance;

namespace SupportBot.Server.Tests.Storage;

/// <summary>
/// More conversations at once than the connection pool has connections: conversation locks must not take every
/// pooled connection and starve the stores the turns inside them need. Needs <c>SUPPORTBOT_TEST_POSTGRES</c>.
/// </summary>
public sealed class PostgreSqlSmallPoolTests
{
    private const int PoolSize = 4;
    private const int Conversations = 16;

    [Fact]
    public async Task ManyConversationsAtOnce_OnASmallPool_AllAnswered()
    {
        var server = Environment.GetEnvironmentVariable("SUPPORTBOT_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            return; // no PostgreSQL here: tests/run provides one
        }
        var name = "supportbot_pool_" + Guid.NewGuid().ToString("N");
        await OnServerAsync(server, $"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0;");
        var secret = "a-small-pool-direct-line-secret-0123456789abcdef";
        var settings = new Dictionary<string, string?>
        {
            // A short pool wait, so starvation fails fast instead of after Npgsql's default 15 s.
            ["ConnectionStrings:SupportBot"] = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = PoolSize, Timeout = 5 }.ConnectionString,
            ["DirectLine:Secret"] = secret,
        };
        var factory = new SupportBotFactory(settings: settings, fakeTime: false);
        try
        {
            var client = factory.DirectLine();
            var runs = await Task.WhenAll(Enumerable.Range(0, Conversations).Select(async _ =>
            {
                var conversation = await Transcript.StartAsync(client, secret);
                var posted = new List<string>();
                for (var turn = 0; turn < 3; turn++)
                {
                    posted.Add(await client.PostMessageAsync(conversation.ConversationId, conversation.Token, Transcript.Unrelated));
                }
                return (conversation, posted);
            }));

            foreach (var (conversation, posted) in runs)
            {
                Transcript.AssertAnsweredInOrderOnce(await Transcript.ReadAllAsync(client, conversation), posted);
            }
        }
        finally
        {
            factory.Dispose();
            SupportBotFactory.DeleteDataDir(factory.DataDir);
            NpgsqlConnection.ClearAllPools();
            await OnServerAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE);");
        }
    }

    private static async Task OnServerAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
