using System.Security.Cryptography;
using System.Text;
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

    /// <summary>
    /// The agent-token signing key every instance on this database shares, for when <c>AgentLink:SigningKey</c> is not
    /// set: the first instance stores a random key, the others read it (a token issued by one instance is accepted by
    /// all). Like <c>agentlink.key</c> under SQLite, it lives where the rest of the link's data lives.
    /// </summary>
    public byte[] SharedSigningKey()
    {
        using var connection = DataSource.OpenConnection();
        // DO UPDATE (to itself) instead of DO NOTHING, so RETURNING yields the stored key when another instance won.
        using var command = Command(connection, null, """
            INSERT INTO agentlink_signing_key (id, key) VALUES (1, @candidate)
            ON CONFLICT (id) DO UPDATE SET key = agentlink_signing_key.key
            RETURNING key;
            """, ("candidate", Convert.ToBase64String(RandomNumberGenerator.GetBytes(48))));
        return Encoding.UTF8.GetBytes((string)command.ExecuteScalar()!);
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
