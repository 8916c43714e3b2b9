using Npgsql;

namespace SupportBot.Storage.PostgreSql;

/// <summary>Readiness probe for PostgreSQL: <c>SELECT 1</c> on a pooled connection.</summary>
public sealed class PostgreSqlStorageHealth(PostgreSqlDatabase database) : IStorageHealth
{
    /// <inheritdoc />
    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var command = database.DataSource.CreateCommand("SELECT 1;");
            return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 1;
        }
        catch (NpgsqlException)
        {
            // Server down, database gone, pool exhausted (a timeout): not ready. Cancellation still propagates.
            return false;
        }
    }
}
