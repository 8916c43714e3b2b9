using Npgsql;
using SupportBot.Storage.PostgreSql;

namespace SupportBot.AgentLink.PostgreSql;

/// <summary>The agent-link tables in the shared PostgreSQL database, on their own migration track (migrated when created).</summary>
public sealed class AgentLinkPostgreSqlDatabase : PostgreSqlModuleDatabase
{
    /// <summary>Uses the pool of <paramref name="database"/>; disposes it with this object only when <paramref name="ownsDatabase"/>.</summary>
    public AgentLinkPostgreSqlDatabase(PostgreSqlDatabase database, bool ownsDatabase = false)
        : base(database, AgentLinkPostgreSqlMigrations.Track, ownsDatabase)
    {
    }

    /// <summary>Opens its own pool on <paramref name="connectionString"/> (owned) and migrates.</summary>
    public static AgentLinkPostgreSqlDatabase Open(string connectionString)
    {
        var database = PostgreSqlDatabase.Open(connectionString);
        try
        {
            return new AgentLinkPostgreSqlDatabase(database, ownsDatabase: true);
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    /// <summary>Runs one statement (inside <paramref name="transaction"/> when given); returns the rows changed.</summary>
    internal static int Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>A command with named parameters (<c>@name</c>).</summary>
    internal static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command;
    }
}
