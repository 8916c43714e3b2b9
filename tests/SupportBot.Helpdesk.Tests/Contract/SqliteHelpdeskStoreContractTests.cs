using SupportBot.Helpdesk.Sqlite;

namespace SupportBot.Helpdesk.Tests.Contract;

/// <summary>The helpdesk store contract on a real SQLite file (a second <see cref="Open"/> = a second process on the file).</summary>
public sealed class SqliteHelpdeskStoreContractTests : HelpdeskStoreContractTests, IDisposable
{
    private readonly string _directory = TestData.TempDirectory();

    protected override HelpdeskStoresUnderTest Open()
    {
        var database = new HelpdeskDatabase(Path.Combine(_directory, "supportbot.db"));
        return new HelpdeskStoresUnderTest(new SqliteTicketStore(database, Time, Numbering), new SqliteWebhookOutbox(database, Time), NoLifetime.Instance);
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
