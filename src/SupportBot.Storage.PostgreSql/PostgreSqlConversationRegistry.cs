using Npgsql;

namespace SupportBot.Storage.PostgreSql;

/// <summary>PostgreSQL <see cref="IDirectLineConversationRegistry"/>: every change is one conditional statement.</summary>
public sealed class PostgreSqlConversationRegistry(PostgreSqlDatabase database) : IDirectLineConversationRegistry
{
    private const string InsertSql = """
        INSERT INTO directline_conversation (conversation_id, user_id, created_at, started, ended)
        VALUES ($1, $2, $3, $4, $5) ON CONFLICT (conversation_id) DO NOTHING;
        """;
    private const string SelectSql = "SELECT user_id, created_at, started, ended FROM directline_conversation WHERE conversation_id = $1;";
    // "AND NOT started": of several callers (on any instance) only one sees a changed row.
    private const string StartSql = "UPDATE directline_conversation SET started = true WHERE conversation_id = $1 AND NOT started;";
    private const string EndSql = "UPDATE directline_conversation SET ended = true WHERE conversation_id = $1;";

    /// <inheritdoc />
    public async Task<bool> TryCreateAsync(DirectLineConversation conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentException.ThrowIfNullOrEmpty(conversation.ConversationId);
        // Milliseconds in UTC, like the SQLite engine: both engines hand back the same instant.
        var createdAt = DateTimeOffset.FromUnixTimeMilliseconds(conversation.CreatedAt.ToUnixTimeMilliseconds());
        await using var command = database.DataSource.CreateCommand(InsertSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = conversation.ConversationId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = conversation.UserId });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = createdAt });
        command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = conversation.Started });
        command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = conversation.Ended });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task<DirectLineConversation?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        await using var command = database.DataSource.CreateCommand(SelectSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = conversationId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new DirectLineConversation(
                conversationId,
                reader.GetString(0),
                reader.GetFieldValue<DateTimeOffset>(1),
                reader.GetBoolean(2),
                reader.GetBoolean(3))
            : null;
    }

    /// <inheritdoc />
    public Task<bool> TryMarkStartedAsync(string conversationId, CancellationToken cancellationToken) =>
        ExecuteOnOneAsync(StartSql, conversationId, cancellationToken);

    /// <inheritdoc />
    public Task<bool> EndAsync(string conversationId, CancellationToken cancellationToken) =>
        ExecuteOnOneAsync(EndSql, conversationId, cancellationToken);

    private async Task<bool> ExecuteOnOneAsync(string sql, string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        await using var command = database.DataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = conversationId });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }
}
