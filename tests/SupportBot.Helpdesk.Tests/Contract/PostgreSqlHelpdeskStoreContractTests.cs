using SupportBot.Helpdesk.PostgreSql;
using SupportBot.Testing;

namespace SupportBot.Helpdesk.Tests.Contract;

/// <summary>
/// The helpdesk store contract on a real PostgreSQL database, fresh for every test and dropped afterwards. Each
/// <see cref="Open"/> opens its own pool (data source): a separate instance as far as the database can tell.
/// </summary>
public sealed class PostgreSqlHelpdeskStoreContractTests : HelpdeskStoreContractTests, IDisposable
{
    private readonly PostgreSqlTestDatabase _database = PostgreSqlTestDatabase.Create();

    protected override HelpdeskStoresUnderTest Open()
    {
        var database = HelpdeskPostgreSqlDatabase.Open(_database.ConnectionString);
        return new HelpdeskStoresUnderTest(new PostgreSqlTicketStore(database, Time, Numbering), new PostgreSqlWebhookOutbox(database, Time), database);
    }

    [Fact]
    public void InstancesStartingTogetherMigrateOnceOnTheirOwnTrack()
    {
        var opened = Enumerable.Range(0, 4).AsParallel().Select(_ => HelpdeskPostgreSqlDatabase.Open(_database.ConnectionString)).ToList();
        try
        {
            Assert.All(opened, d => Assert.Equal(1, d.SchemaVersion));
            Assert.Equal(1L, _database.Scalar("SELECT COUNT(*) FROM helpdesk_schema_version;"));
            // The core track is separate: its own table, its own numbers.
            Assert.Equal(1L, _database.Scalar("SELECT COUNT(*) FROM schema_version WHERE version = 1;"));
        }
        finally
        {
            opened.ForEach(d => d.Dispose());
        }
    }

    public void Dispose() => _database.Dispose();
}
