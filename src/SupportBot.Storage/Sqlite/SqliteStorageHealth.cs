namespace SupportBot.Storage.Sqlite;

/// <summary>Readiness probe for the SQLite file: a trivial query on a pooled connection.</summary>
public sealed class SqliteStorageHealth(SqliteDatabase database) : IStorageHealth
{
    /// <inheritdoc />
    public Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return Task.FromResult(database.Run(session => Convert.ToInt64(session.Command("SELECT COUNT(*) FROM schema_version;").ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0));
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return Task.FromResult(false);
        }
    }
}
