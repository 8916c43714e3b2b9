namespace SupportBot.Storage.Sqlite;

/// <summary>SQLite <see cref="IConversationStateStore"/>: one row per conversation, version bumped on every write.</summary>
/// <remarks>
/// Microsoft.Data.Sqlite's async methods run synchronously anyway, so the work runs inline and the
/// tasks come back completed (no thread-pool hop per call).
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
        return Task.FromResult(database.Run(session =>
        {
            var command = session.Command(SelectSql, "$c");
            command.Parameters[0].Value = conversationId;
            using var reader = command.ExecuteReader();
            return reader.Read() ? new StoredState(reader.GetString(0), reader.GetInt64(1)) : null;
        }));
    }

    /// <inheritdoc />
    public Task<long?> TryWriteAsync(string conversationId, string json, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(json);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        cancellationToken.ThrowIfCancellationRequested();
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
