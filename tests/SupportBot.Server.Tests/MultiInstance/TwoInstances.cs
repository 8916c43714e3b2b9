using Npgsql;
using SupportBot.Server.Tests.Infrastructure;
using SupportBot.Testing;

namespace SupportBot.Server.Tests.MultiInstance;

/// <summary>
/// Two real SupportBot.Server processes (the built dll, started with <c>dotnet</c>) on 127.0.0.1, sharing one fresh
/// database on the test cluster (<c>SUPPORTBOT_TEST_POSTGRES</c>) and one Direct Line secret, each with its own data
/// directory. <see cref="TryStartAsync"/> returns null when no test cluster is configured.
/// </summary>
public sealed class TwoInstances : IAsyncDisposable
{
    private const string ClusterVariable = "SUPPORTBOT_TEST_POSTGRES";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);

    private readonly string _server;
    private readonly string _database;
    private readonly List<string> _dataDirs;

    private TwoInstances(string server, string database, ServerProcess a, ServerProcess b, string secret, List<string> dataDirs)
    {
        _server = server;
        _database = database;
        A = a;
        B = b;
        Secret = secret;
        _dataDirs = dataDirs;
        ClientA = NewClient(a);
        ClientB = NewClient(b);
    }

    public ServerProcess A { get; }

    public ServerProcess B { get; }

    /// <summary>The Direct Line secret both instances share.</summary>
    public string Secret { get; }

    public DirectLineTestClient ClientA { get; }

    public DirectLineTestClient ClientB { get; }

    /// <summary>Both instances' recent output, for failure messages.</summary>
    public string Output => A.RecentOutput + "\n" + B.RecentOutput;

    /// <summary>Creates the database and starts both instances; null when no PostgreSQL test cluster is configured.</summary>
    public static async Task<TwoInstances?> TryStartAsync()
    {
        var server = Environment.GetEnvironmentVariable(ClusterVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            return null; // tests/postgres.sh provides one (tests/run, .ci/run)
        }

        var database = "supportbot_multi_" + Guid.NewGuid().ToString("N");
        await OnServerAsync(server, $"CREATE DATABASE \"{database}\" ENCODING 'UTF8' TEMPLATE template0;");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database, MaxPoolSize = 60 }.ConnectionString;
        var secret = "multi-instance-test-secret-" + Guid.NewGuid().ToString("N");
        var dll = Path.Combine(AppContext.BaseDirectory, "SupportBot.Server.dll");
        var root = RepositoryRoot.Containing("dialogs");
        var dataDirs = new List<string>();
        ServerProcess? a = null;
        try
        {
            a = await ServerProcess.StartAsync("instance A", dll, AppContext.BaseDirectory, InstanceEnvironment(connectionString, secret, root, dataDirs), ReadyTimeout);
            var b = await ServerProcess.StartAsync("instance B", dll, AppContext.BaseDirectory, InstanceEnvironment(connectionString, secret, root, dataDirs), ReadyTimeout);
            return new TwoInstances(server, database, a, b, secret, dataDirs);
        }
        catch
        {
            if (a is not null)
            {
                await a.DisposeAsync();
            }
            await DropAsync(server, database, dataDirs);
            throw;
        }
    }

    /// <summary>The client of instance <paramref name="index"/> modulo 2 (0 = A, 1 = B).</summary>
    public DirectLineTestClient Client(int index) => index % 2 == 0 ? ClientA : ClientB;

    public async ValueTask DisposeAsync()
    {
        ClientA.Http.Dispose();
        ClientB.Http.Dispose();
        await A.DisposeAsync();
        await B.DisposeAsync();
        await DropAsync(_server, _database, _dataDirs);
    }

    private static Dictionary<string, string> InstanceEnvironment(string connectionString, string secret, string root, List<string> dataDirs)
    {
        var dataDir = Directory.CreateTempSubdirectory("supportbot-instance-").FullName;
        dataDirs.Add(dataDir);
        return new Dictionary<string, string>
        {
            ["ConnectionStrings__SupportBot"] = connectionString,
            ["DirectLine__Secret"] = secret,
            ["SupportBot__DataDir"] = dataDir,
            ["SupportBot__DialogsDir"] = Path.Combine(root, "dialogs"),
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__Console__FormatterName"] = "simple",
        };
    }

    private static DirectLineTestClient NewClient(ServerProcess server) =>
        new(new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(100) });

    private static async Task DropAsync(string server, string database, List<string> dataDirs)
    {
        NpgsqlConnection.ClearAllPools();
        await OnServerAsync(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE);");
        foreach (var dir in dataDirs)
        {
            SupportBotFactory.DeleteDataDir(dir);
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
