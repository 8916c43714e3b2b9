using SupportBot.AgentLink.PostgreSql;
using SupportBot.Testing;

namespace SupportBot.AgentLink.Tests.Contract;

/// <summary>
/// The agent-link store contract on a real PostgreSQL database, fresh for every test and dropped afterwards. Each
/// <see cref="Open"/> opens its own pool (data source): a separate instance as far as the database can tell.
/// </summary>
public sealed class PostgreSqlAgentLinkStoreContractTests : AgentLinkStoreContractTests, IDisposable
{
    private readonly PostgreSqlTestDatabase _database = PostgreSqlTestDatabase.Create();

    private protected override AgentLinkStoresUnderTest Open()
    {
        var database = AgentLinkPostgreSqlDatabase.Open(_database.ConnectionString);
        var links = new PostgreSqlAgentLinkStore(database);
        return new AgentLinkStoresUnderTest(links, links, new PostgreSqlAgentJobStore(database), database);
    }

    [Fact]
    public void InstancesStartingTogetherMigrateOnceOnTheirOwnTrack()
    {
        var opened = Enumerable.Range(0, 4).AsParallel().Select(_ => AgentLinkPostgreSqlDatabase.Open(_database.ConnectionString)).ToList();
        try
        {
            Assert.All(opened, d => Assert.Equal(3, d.SchemaVersion));
            Assert.Equal(3L, _database.Scalar("SELECT COUNT(*) FROM agentlink_schema_version;"));
            // The generated token key: whoever stores it first, every instance gets the same one.
            var keys = opened.AsParallel().Select(d => Convert.ToBase64String(d.SharedSigningKey())).Distinct().ToList();
            Assert.Single(keys);
            Assert.True(keys[0].Length >= 32);
        }
        finally
        {
            opened.ForEach(d => d.Dispose());
        }
    }

    public void Dispose() => _database.Dispose();
}
