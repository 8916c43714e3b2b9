namespace SupportBot.Storage.Sqlite;

/// <summary>SQLite <see cref="IConversationStateStore"/>: one row per conversation, version bumped on every write.</summary>
/// <remarks>
/// Microsoft.Data.Sqlite's async methods run synchronously anyway, so reads run inline and their tasks
/// come back completed (no thread-pool hop per call). States of active conversations are kept in memory
/// with their versions (<see cref="SqliteReadCache{TValue}"/>: the SQLite engine is a single instance),
/// so a turn's load does not touch the file; the version check of every write still runs in SQLite.
/// </remarks>
public sealed class SqliteConversationStateStore(SqliteDatabase database) : IConversationStateStore
{
    private const string SelectSql = "SELECT json, version FROM conversation_state WHERE conversation_id = $c;";
    private const string InsertSql = "INSERT INTO conversation_state (conversation_id, json, version) VALUES ($c, $j, 1) ON CONFLICT (conversation_id) DO NOTHING;";
    private const string UpdateSql = "UPDATE conversation_state SET json = $j, version = version + 1 WHERE conversation_id = $c AND version = $v;";

    /// <inheritdoc />
    public Task<StoredState?> ReadAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        cancellationToken.ThrowIfCancellationRequested();
        if (database.States.TryGet(conversationId, out var held))
        {
            return Task.FromResult<StoredState?>(held);
        }
        var generation = database.States.Generation;
        var state = database.Run(session =>
        {
            var command = session.Command(SelectSql, "$c");
            command.Parameters[0].Value = conversationId;
            using var reader = command.ExecuteReader();
            return reader.Read() ? new StoredState(reader.GetString(0), reader.GetInt64(1)) : null;
        });
        if (state is not null)
        {
            database.States.RememberRead(conversationId, state, generation);
        }
        return Task.FromResult(state);
    }

    /// <inheritdoc />
    public Task<long?> TryWriteAsync(string conversationId, string json, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(json);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        cancellationToken.ThrowIfCancellationRequested();
        return WriteAndRememberAsync(conversationId, json, expectedVersion, cancellationToken);
    }

    private async Task<long?> WriteAndRememberAsync(string conversationId, string json, long expectedVersion, CancellationToken cancellationToken)
    {
        long? written;
        try
        {
            written = await WriteRowAsync(conversationId, json, expectedVersion, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            database.States.Written(conversationId, null);
            throw;
        }
        // After the commit. A conflict means the held row may be stale: forget it so the retry reads the file.
        database.States.Written(conversationId, written is { } version ? new StoredState(json, version) : null, static (a, b) => a.Version > b.Version);
        return written;
    }

    private Task<long?> WriteRowAsync(string conversationId, string json, long expectedVersion, CancellationToken cancellationToken)
    {
        return database.WriteAsync(session =>
        {
            // Both statements are single-row and atomic: the WHERE clause is the version check.
            if (expectedVersion == 0)
            {
                var insert = session.Command(InsertSql, "$c", "$j");
                insert.Parameters[0].Value = conversationId;
                insert.Parameters[1].Value = json;
                return insert.ExecuteNonQuery() == 1 ? 1L : (long?)null;
            }
            var update = session.Command(UpdateSql, "$c", "$j", "$v");
            update.Parameters[0].Value = conversationId;
            update.Parameters[1].Value = json;
            update.Parameters[2].Value = expectedVersion;
            return update.ExecuteNonQuery() == 1 ? expectedVersion + 1 : (long?)null;
        }, cancellationToken);
    }
}
