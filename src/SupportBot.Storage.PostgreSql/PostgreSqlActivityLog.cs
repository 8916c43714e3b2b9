using Npgsql;

namespace SupportBot.Storage.PostgreSql;

/// <summary>
/// PostgreSQL <see cref="IActivityLog"/>. Each append bumps the conversation's counter row and
/// inserts the activity in one transaction: the counter's row lock serialises appenders from every
/// instance, and a rolled-back append (render threw, process died) also rolls the counter back, so
/// positions stay gap-free and unique.
/// </summary>
public sealed class PostgreSqlActivityLog(PostgreSqlDatabase database) : IActivityLog
{
    private const string NextPositionSql = """
        INSERT INTO directline_activity_counter (conversation_id, last_position) VALUES ($1, 1)
        ON CONFLICT (conversation_id) DO UPDATE SET last_position = directline_activity_counter.last_position + 1
        RETURNING last_position;
        """;
    // pg_notify inside the append's transaction: PostgreSQL delivers it on commit only (never for a
    // rolled-back append), in commit order, to every instance listening (PostgreSqlActivityNotifications).
    private const string InsertSql = $"""
        INSERT INTO directline_activity (conversation_id, position, json) VALUES ($1, $2, $3)
        RETURNING pg_notify('{PostgreSqlActivityNotifications.Channel}', $1 || ':' || $2::text);
        """;
    private const string ReadSql = "SELECT position, json FROM directline_activity WHERE conversation_id = $1 AND position > $2 ORDER BY position LIMIT $3;";

    /// <inheritdoc />
    public async Task<LoggedActivity> AppendAsync(string conversationId, Func<long, string> render, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(render);
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        long position;
        await using (var next = new NpgsqlCommand(NextPositionSql, connection, transaction))
        {
            next.Parameters.Add(new NpgsqlParameter<string> { TypedValue = conversationId });
            position = (long)(await next.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        // Render while holding the counter lock; if it throws, disposing the transaction rolls back.
        var json = render(position);
        await using (var insert = new NpgsqlCommand(InsertSql, connection, transaction))
        {
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = conversationId });
            insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = position });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = json });
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new LoggedActivity(position, json);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LoggedActivity>> ReadAfterAsync(string conversationId, long watermark, int max, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentOutOfRangeException.ThrowIfNegative(watermark);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await using var command = database.DataSource.CreateCommand(ReadSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = conversationId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = watermark });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = max });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<LoggedActivity>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new LoggedActivity(reader.GetInt64(0), reader.GetString(1)));
        }
        return result;
    }
}
