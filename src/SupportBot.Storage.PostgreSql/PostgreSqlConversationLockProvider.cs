using Npgsql;

namespace SupportBot.Storage.PostgreSql;

/// <summary>
/// Cross-instance <see cref="IConversationLockProvider"/>: a transaction-scoped advisory lock
/// (<c>pg_advisory_xact_lock</c>) on a 64-bit hash of the conversation id, held on a pooled
/// connection until the returned handle is disposed. If the process dies, PostgreSQL ends the
/// session and the lock is released by itself.
/// </summary>
/// <remarks>
/// Each holder keeps one connection of the pool busy for the length of its turn; size
/// <c>Maximum Pool Size</c> for the concurrent turns expected per instance. Hash collisions only
/// serialise two unrelated conversations needlessly, never break exclusion.
/// </remarks>
public sealed class PostgreSqlConversationLockProvider(PostgreSqlDatabase database) : IConversationLockProvider
{
    // Prefixed so these keys stay apart from the migration lock and any other advisory lock users.
    private const string LockSql = "SELECT pg_advisory_xact_lock(hashtextextended('supportbot:conversation:' || $1, 0));";

    /// <inheritdoc />
    public async Task<IAsyncDisposable> AcquireAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var connection = await database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        NpgsqlTransaction? transaction = null;
        try
        {
            transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (var command = new NpgsqlCommand(LockSql, connection, transaction))
            {
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = conversationId });
                // Cancelling sends a cancel request to the server, which abandons the wait.
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            return new Held(connection, transaction);
        }
        catch
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync().ConfigureAwait(false);
            }
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private sealed class Held(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
            {
                return;
            }
            try
            {
                // Ending the transaction releases the xact lock; a broken connection released it already.
                await transaction.CommitAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
            {
            }
            finally
            {
                await transaction.DisposeAsync().ConfigureAwait(false);
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
