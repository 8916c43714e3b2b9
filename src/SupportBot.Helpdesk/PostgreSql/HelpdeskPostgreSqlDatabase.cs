using SupportBot.Storage.PostgreSql;

namespace SupportBot.Helpdesk.PostgreSql;

/// <summary>The helpdesk tables in the shared PostgreSQL database, on their own migration track (migrated when created).</summary>
public sealed class HelpdeskPostgreSqlDatabase : PostgreSqlModuleDatabase
{
    /// <summary>Uses the pool of <paramref name="database"/>; disposes it with this object only when <paramref name="ownsDatabase"/>.</summary>
    public HelpdeskPostgreSqlDatabase(PostgreSqlDatabase database, bool ownsDatabase = false)
        : base(database, HelpdeskPostgreSqlMigrations.Track, ownsDatabase)
    {
    }

    /// <summary>Opens its own pool on <paramref name="connectionString"/> (owned) and migrates.</summary>
    public static HelpdeskPostgreSqlDatabase Open(string connectionString)
    {
        var database = PostgreSqlDatabase.Open(connectionString);
        try
        {
            return new HelpdeskPostgreSqlDatabase(database, ownsDatabase: true);
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }
}
