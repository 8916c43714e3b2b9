using Npgsql;

namespace SupportBot.Storage.PostgreSql;

/// <summary>
/// Cross-instance <see cref="IConversationLockProvider"/>: a transaction-scoped advisory lock
/// (<c>pg_advisory_xact_lock</c>) on a 64-bit hash of the conversation id, held on a pooled
/// connection until the returned handle is disposed. If the process dies, PostgreSQL ends the
/// session and the lock is released by itself.
/// </summary>
/// <remarks>
/// The turn inside the lock needs connections of the same pool for its reads and writes, so lock
/// connections must never take the whole pool (every holder would wait for a connection none of
/// them gives back). Two in-process gates keep them apart: waiters for one conversation on this
/// instance queue in memory (one connection per conversation, not one per waiter), and at most half
/// of <c>Maximum Pool Size</c> connections hold or wait for advisory locks at once; further turns wait
/// in memory. Hash collisions only serialise two unrelated conversations needlessly, never break exclusion.
/// </remarks>
public sealed class PostgreSqlConversationLockProvider : IConversationLockProvider
{
    // Prefixed so these keys stay apart from the migration lock and any other advisory lock users.
    private const string LockSql = "SELECT pg_advisory_xact_lock(hashtextextended('supportbot:conversation:' || $1, 0));";

    private readonly PostgreSqlDatabase _database;
    private readonly InProcessConversationLockProvider _local = new();
    private readonly SemaphoreSlim _connections;

    /// <summary>Creates the provider over <paramref name="database"/>'s pool.</summary>
    public PostgreSqlConversationLockProvider(PostgreSqlDatabase database)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        var poolSize = new NpgsqlConnectionStringBuilder(database.ConnectionString).MaxPoolSize;
        MaxLockConnections = Math.Max(1, poolSize / 2);
        _connections = new SemaphoreSlim(MaxLockConnections, MaxLockConnections);
    }

    /// <summary>How many pooled connections may hold or wait for conversation locks at once (half the pool).</summary>
    public int MaxLockConnections { get; }

    /// <inheritdoc />
    public async Task<IAsyncDisposable> AcquireAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var local = await _local.AcquireAsync(conversationId, cancellationToken).ConfigureAwait(false);
        var slot = false;
        try
        {
            await _connections.WaitAsync(cancellationToken).ConfigureAwait(false);
            slot = true;
            var (connection, transaction) = await LockAsync(conversationId, cancellationToken).ConfigureAwait(false);
            return new Held(connection, transaction, _connections, local);
        }
        catch
        {
            if (slot)
            {
                _connections.Release();
            }
            await local.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task<(NpgsqlConnection, NpgsqlTransaction)> LockAsync(string conversationId, CancellationToken cancellationToken)
    {
        var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
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
            return (connection, transaction);
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

    private sealed class Held(NpgsqlConnection connection, NpgsqlTransaction transaction, SemaphoreSlim slots, IAsyncDisposable local) : IAsyncDisposable
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
                slots.Release();
                await local.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
