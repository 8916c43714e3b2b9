using SupportBot.AgentLink.Store;

namespace SupportBot.AgentLink.Tests.Contract;

/// <summary>The agent-link store contract on a real SQLite file (a second <see cref="Open"/> = a second process on the file).</summary>
public sealed class SqliteAgentLinkStoreContractTests : AgentLinkStoreContractTests, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("agentlink-contract-").FullName;

    private protected override AgentLinkStoresUnderTest Open()
    {
        var database = new AgentLinkDatabase(Path.Combine(_directory, "supportbot.db"));
        var links = new SqliteAgentLinkStore(database);
        return new AgentLinkStoresUnderTest(links, links, new SqliteAgentJobStore(database), NoLifetime.Instance);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    // A SQLite module database holds no resources between calls (connections are pooled per file).
    private sealed class NoLifetime : IDisposable
    {
        public static NoLifetime Instance { get; } = new();

        public void Dispose()
        {
        }
    }
}
