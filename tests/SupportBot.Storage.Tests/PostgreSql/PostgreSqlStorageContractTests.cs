using SupportBot.Storage.PostgreSql;
using SupportBot.Storage.Tests.Contract;
using SupportBot.Testing;

namespace SupportBot.Storage.Tests.PostgreSql;

/// <summary>
/// The storage contract on a real PostgreSQL database, fresh for every test (xunit creates one
/// instance per test) and dropped afterwards.
/// </summary>
public sealed class PostgreSqlStorageContractTests : StorageContractTests, IDisposable
{
    private readonly PostgreSqlTestDatabase _database = PostgreSqlTestDatabase.Create();

    protected override StorageUnderTest Open()
    {
        var storage = PostgreSqlStorage.Open(_database.ConnectionString);
        return new StorageUnderTest(storage.States, storage.ActivityLog, storage.Conversations, storage.Health, storage);
    }

    public void Dispose() => _database.Dispose();
}
