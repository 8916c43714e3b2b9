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
    // Reserves $2 consecutive positions and returns the last of them.
    private const string ReservePositionsSql = """
        INSERT INTO directline_activity_counter (conversation_id, last_position) VALUES ($1, $2)
        ON CONFLICT (conversation_id) DO UPDATE SET last_position = directline_activity_counter.last_position + EXCLUDED.last_position
        RETURNING last_position;
        """;
    // pg_notify inside the append's transaction: PostgreSQL delivers it on commit only (never for a
    // rolled-back append), in commit order, to every instance listening (PostgreSqlActivityNotifications).
    private const string InsertSql = $"""
        INSERT INTO directline_activity (conversation_id, position, json, client_activity_id) VALUES ($1, $2, $3, $4)
        RETURNING pg_notify('{PostgreSqlActivityNotifications.Channel}', $1 || ':' || $2::text);
        """;
    // A batch is one statement; one notification per row, in position order.
    private const string InsertManySql = $"""
        INSERT INTO directline_activity (conversation_id, position, json)
        SELECT $1, batch.position, batch.json FROM unnest($2::bigint[], $3::text[]) AS batch(position, json)
        ORDER BY batch.position
        RETURNING pg_notify('{PostgreSqlActivityNotifications.Channel}', $1 || ':' || position::text);
        """;
    private const string ReadSql = "SELECT position, json FROM directline_activity WHERE conversation_id = $1 AND position > $2 ORDER BY position LIMIT $3;";
    private const string FindSql = "SELECT position, json FROM directline_activity WHERE conversation_id = $1 AND client_activity_id = $2;";

    /// <inheritdoc />
    public Task<LoggedActivity> AppendAsync(string conversationId, Func<long, string> render, CancellationToken cancellationToken) =>
        AppendAsync(conversationId, clientActivityId: null, render, cancellationToken);

    /// <inheritdoc />
    public async Task<LoggedActivity> AppendAsync(string conversationId, string? clientActivityId, Func<long, string> render, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(render);
        if (clientActivityId is not null)
        {
            ArgumentException.ThrowIfNullOrEmpty(clientActivityId);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(clientActivityId.Length, IActivityLog.MaxClientActivityIdLength, nameof(clientActivityId));
        }
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var position = await ReservePositionsAsync(connection, transaction, conversationId, 1, cancellationToken).ConfigureAwait(false);

        // Render while holding the counter lock; if it throws, disposing the transaction rolls back.
        var json = render(position);
        await using (var insert = new NpgsqlCommand(InsertSql, connection, transaction))
        {
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = conversationId });
            insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = position });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = json });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)clientActivityId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new LoggedActivity(position, json);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LoggedActivity>> AppendManyAsync(string conversationId, IReadOnlyList<Func<long, string>> renders, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(renders);
        if (renders.Count == 0)
        {
            return [];
        }
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var last = await ReservePositionsAsync(connection, transaction, conversationId, renders.Count, cancellationToken).ConfigureAwait(false);
        var first = last - renders.Count + 1;

        var positions = new long[renders.Count];
        var documents = new string[renders.Count];
        var logged = new LoggedActivity[renders.Count];
        for (var i = 0; i < renders.Count; i++)
        {
            positions[i] = first + i;
            documents[i] = renders[i](positions[i]);
            logged[i] = new LoggedActivity(positions[i], documents[i]);
        }
        await using (var insert = new NpgsqlCommand(InsertManySql, connection, transaction))
        {
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = conversationId });
            insert.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = positions });
            insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = documents });
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return logged;
    }

    /// <inheritdoc />
    public async Task<LoggedActivity?> FindByClientActivityIdAsync(string conversationId, string clientActivityId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(clientActivityId);
        if (clientActivityId.Length > IActivityLog.MaxClientActivityIdLength)
        {
            return null; // never stored
        }
        await using var command = database.DataSource.CreateCommand(FindSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = conversationId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = clientActivityId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new LoggedActivity(reader.GetInt64(0), reader.GetString(1))
            : null;
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

    private static async Task<long> ReservePositionsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string conversationId, long count, CancellationToken cancellationToken)
    {
        await using var reserve = new NpgsqlCommand(ReservePositionsSql, connection, transaction);
        reserve.Parameters.Add(new NpgsqlParameter<string> { TypedValue = conversationId });
        reserve.Parameters.Add(new NpgsqlParameter<long> { TypedValue = count });
        return (long)(await reserve.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
