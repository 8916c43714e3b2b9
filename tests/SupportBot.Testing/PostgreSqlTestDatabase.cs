using Npgsql;

namespace SupportBot.Testing;

/// <summary>
/// A fresh, uniquely named database on the test server, dropped on dispose (used by every project's PostgreSQL
/// contract tests). The server comes from
/// <see cref="EnvironmentVariable"/>; without it the PostgreSQL tests fail (CI always sets it).
/// </summary>
public sealed class PostgreSqlTestDatabase : IDisposable
{
    /// <summary>A connection string to the test server's maintenance database.</summary>
    public const string EnvironmentVariable = "SUPPORTBOT_TEST_POSTGRES";

    private readonly string _serverConnectionString;

    private PostgreSqlTestDatabase(string serverConnectionString, string name)
    {
        _serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString)
        {
            Database = name,
            // Several tests run at once, each with its own pools: keep the server under max_connections.
            MaxPoolSize = 40,
        }.ConnectionString;
    }

    /// <summary>The database name (random).</summary>
    public string Name { get; }

    /// <summary>A connection string to this database.</summary>
    public string ConnectionString { get; }

    /// <summary>Creates a new empty database on the server named by <see cref="EnvironmentVariable"/>.</summary>
    public static PostgreSqlTestDatabase Create()
    {
        var server = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set: the PostgreSQL tests need a server. " +
                "Run tests/run (it starts a private cluster), or `source tests/postgres.sh` first, or set it to a " +
                "connection string for a maintenance database, e.g. \"Host=127.0.0.1;Port=5432;Username=postgres;Password=...;Database=postgres\".");
        }
        var database = new PostgreSqlTestDatabase(server, "supportbot_test_" + Guid.NewGuid().ToString("N"));
        database.OnServer($"CREATE DATABASE \"{database.Name}\" ENCODING 'UTF8' TEMPLATE template0;");
        return database;
    }

    /// <summary>Drops the database (terminating any connection still open on it).</summary>
    public void Dispose()
    {
        // Idempotent, and tolerant of tests that dropped it themselves.
        OnServer($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE);");
    }

    /// <summary>Runs <paramref name="sql"/> on the maintenance database (outside this database's pools).</summary>
    public void OnServer(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_serverConnectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    /// <summary>Runs <paramref name="sql"/> on this database over a private connection; returns the first value.</summary>
    public object? Scalar(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }
}
