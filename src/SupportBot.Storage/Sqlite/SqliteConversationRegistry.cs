namespace SupportBot.Storage.Sqlite;

/// <summary>
/// SQLite <see cref="IDirectLineConversationRegistry"/>. Conversations recently looked up are kept in memory
/// (<see cref="SqliteReadCache{TValue}"/>; the SQLite engine is a single instance); starting or ending one
/// forgets it, so the next lookup reads the file.
/// </summary>
public sealed class SqliteConversationRegistry(SqliteDatabase database) : IDirectLineConversationRegistry
{
    private const string InsertSql = """
        INSERT INTO directline_conversation (conversation_id, user_id, created_at_ms, started, ended)
        VALUES ($c, $u, $t, $s, $e) ON CONFLICT (conversation_id) DO NOTHING;
        """;
    private const string SelectSql = "SELECT user_id, created_at_ms, started, ended FROM directline_conversation WHERE conversation_id = $c;";
    private const string StartSql = "UPDATE directline_conversation SET started = 1 WHERE conversation_id = $c AND started = 0;";
    private const string EndSql = "UPDATE directline_conversation SET ended = 1 WHERE conversation_id = $c;";

    /// <inheritdoc />
    public Task<bool> TryCreateAsync(DirectLineConversation conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentException.ThrowIfNullOrEmpty(conversation.ConversationId);
        cancellationToken.ThrowIfCancellationRequested();
        return CreateAndRememberAsync(conversation, cancellationToken);
    }

    private async Task<bool> CreateAndRememberAsync(DirectLineConversation conversation, CancellationToken cancellationToken)
    {
        var created = await database.WriteAsync(session =>
        {
            var insert = session.Command(InsertSql, "$c", "$u", "$t", "$s", "$e");
            insert.Parameters[0].Value = conversation.ConversationId;
            insert.Parameters[1].Value = conversation.UserId;
            insert.Parameters[2].Value = conversation.CreatedAt.ToUnixTimeMilliseconds();
            insert.Parameters[3].Value = conversation.Started ? 1 : 0;
            insert.Parameters[4].Value = conversation.Ended ? 1 : 0;
            return insert.ExecuteNonQuery() == 1;
        }, cancellationToken).ConfigureAwait(false);
        database.Conversations.Written(conversation.ConversationId, created ? conversation : null);
        return created;
    }

    /// <inheritdoc />
    public Task<DirectLineConversation?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        cancellationToken.ThrowIfCancellationRequested();
        if (database.Conversations.TryGet(conversationId, out var held))
        {
            return Task.FromResult<DirectLineConversation?>(held);
        }
        var generation = database.Conversations.Generation;
        var found = database.Run(session =>
        {
            var select = session.Command(SelectSql, "$c");
            select.Parameters[0].Value = conversationId;
            using var reader = select.ExecuteReader();
            return reader.Read()
                ? new DirectLineConversation(
                    conversationId,
                    reader.GetString(0),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                    reader.GetInt64(2) != 0,
                    reader.GetInt64(3) != 0)
                : null;
        });
        if (found is not null)
        {
            database.Conversations.RememberRead(conversationId, found, generation);
        }
        return Task.FromResult(found);
    }

    /// <inheritdoc />
    public Task<bool> TryMarkStartedAsync(string conversationId, CancellationToken cancellationToken) =>
        ExecuteOnOne(StartSql, conversationId, cancellationToken);

    /// <inheritdoc />
    public Task<bool> EndAsync(string conversationId, CancellationToken cancellationToken) =>
        ExecuteOnOne(EndSql, conversationId, cancellationToken);

    private async Task<bool> ExecuteOnOne(string sql, string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return await database.WriteAsync(session =>
            {
                var command = session.Command(sql, "$c");
                command.Parameters[0].Value = conversationId;
                return command.ExecuteNonQuery() == 1;
            }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Started/ended changed (or may have): the next lookup reads the file again.
            database.Conversations.Written(conversationId, null);
        }
    }
}
