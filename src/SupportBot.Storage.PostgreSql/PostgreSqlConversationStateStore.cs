using Npgsql;

namespace SupportBot.Storage.PostgreSql;

/// <summary>
/// PostgreSQL <see cref="IConversationStateStore"/>: one row per conversation, version bumped on every
/// write. Each write is one conditional statement, so it is atomic across instances without locks
/// held between the read and the write.
/// </summary>
public sealed class PostgreSqlConversationStateStore(PostgreSqlDatabase database) : IConversationStateStore
{
    private const string SelectSql = "SELECT json, version FROM conversation_state WHERE conversation_id = $1;";
    private const string InsertSql = "INSERT INTO conversation_state (conversation_id, json, version) VALUES ($1, $2, 1) ON CONFLICT (conversation_id) DO NOTHING;";
    // Under READ COMMITTED a concurrent writer waits for the row lock, then re-checks the version
    // against the committed row: exactly one writer per version matches.
    private const string UpdateSql = "UPDATE conversation_state SET json = $2, version = version + 1 WHERE conversation_id = $1 AND version = $3;";

    /// <inheritdoc />
    public async Task<StoredState?> ReadAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        await using var command = database.DataSource.CreateCommand(SelectSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = conversationId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new StoredState(reader.GetString(0), reader.GetInt64(1))
            : null;
    }

    /// <inheritdoc />
    public async Task<long?> TryWriteAsync(string conversationId, string json, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(json);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        await using var command = database.DataSource.CreateCommand(expectedVersion == 0 ? InsertSql : UpdateSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = conversationId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = json });
        if (expectedVersion != 0)
        {
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = expectedVersion });
        }
        var changed = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return changed == 1 ? expectedVersion + 1 : null;
    }
}
