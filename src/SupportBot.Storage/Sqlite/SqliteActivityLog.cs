namespace SupportBot.Storage.Sqlite;

/// <summary>
/// SQLite <see cref="IActivityLog"/>: positions are allocated inside the writer's (group-committed)
/// transaction; recent activities of active conversations are read from memory
/// (<see cref="SqliteRecentActivities"/>: safe because the SQLite engine is a single instance).
/// </summary>
public sealed class SqliteActivityLog(SqliteDatabase database) : IActivityLog
{
    private const string NextPositionSql = "SELECT COALESCE(MAX(position), 0) + 1 FROM directline_activity WHERE conversation_id = $c;";
    private const string InsertSql = "INSERT INTO directline_activity (conversation_id, position, json, client_activity_id) VALUES ($c, $p, $j, $k);";
    private const string ReadSql = "SELECT position, json FROM directline_activity WHERE conversation_id = $c AND position > $w ORDER BY position LIMIT $n;";
    private const string FindSql = "SELECT position, json FROM directline_activity WHERE conversation_id = $c AND client_activity_id = $k;";

    /// <inheritdoc />
    public Task<LoggedActivity> AppendAsync(string conversationId, Func<long, string> render, CancellationToken cancellationToken) =>
        AppendAsync(conversationId, clientActivityId: null, render, cancellationToken);

    /// <inheritdoc />
    public async Task<LoggedActivity> AppendAsync(string conversationId, string? clientActivityId, Func<long, string> render, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(render);
        EnsureClientActivityIdFits(clientActivityId);
        cancellationToken.ThrowIfCancellationRequested();
        var logged = await database.WriteAsync(session =>
        {
            var position = NextPosition(session, conversationId);
            return Insert(session, conversationId, position, render, clientActivityId);
        }, cancellationToken).ConfigureAwait(false);
        // Only after the commit: a reader must never see an activity that could still roll back.
        database.RecentActivities.Add(conversationId, logged);
        return logged;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LoggedActivity>> AppendManyAsync(string conversationId, IReadOnlyList<Func<long, string>> renders, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(renders);
        cancellationToken.ThrowIfCancellationRequested();
        if (renders.Count == 0)
        {
            return [];
        }
        // One queued write = one savepoint in the group commit: a render that throws rolls back the whole batch.
        var logged = await database.WriteAsync<IReadOnlyList<LoggedActivity>>(session =>
        {
            var first = NextPosition(session, conversationId);
            var result = new LoggedActivity[renders.Count];
            for (var i = 0; i < renders.Count; i++)
            {
                result[i] = Insert(session, conversationId, first + i, renders[i], clientActivityId: null);
            }
            return result;
        }, cancellationToken).ConfigureAwait(false);
        foreach (var activity in logged)
        {
            database.RecentActivities.Add(conversationId, activity);
        }
        return logged;
    }

    /// <inheritdoc />
    public Task<LoggedActivity?> FindByClientActivityIdAsync(string conversationId, string clientActivityId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(clientActivityId);
        cancellationToken.ThrowIfCancellationRequested();
        if (clientActivityId.Length > IActivityLog.MaxClientActivityIdLength)
        {
            return Task.FromResult<LoggedActivity?>(null); // never stored
        }
        return Task.FromResult(database.Run<LoggedActivity?>(session =>
        {
            var find = session.Command(FindSql, "$c", "$k");
            find.Parameters[0].Value = conversationId;
            find.Parameters[1].Value = clientActivityId;
            using var reader = find.ExecuteReader();
            return reader.Read() ? new LoggedActivity(reader.GetInt64(0), reader.GetString(1)) : null;
        }));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LoggedActivity>> ReadAfterAsync(string conversationId, long watermark, int max, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentOutOfRangeException.ThrowIfNegative(watermark);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        cancellationToken.ThrowIfCancellationRequested();
        if (database.RecentActivities.TryReadAfter(conversationId, watermark, max) is { } recent)
        {
            return Task.FromResult(recent);
        }
        return Task.FromResult(database.Run<IReadOnlyList<LoggedActivity>>(session =>
        {
            var read = session.Command(ReadSql, "$c", "$w", "$n");
            read.Parameters[0].Value = conversationId;
            read.Parameters[1].Value = watermark;
            read.Parameters[2].Value = max;
            using var reader = read.ExecuteReader();
            var result = new List<LoggedActivity>();
            while (reader.Read())
            {
                result.Add(new LoggedActivity(reader.GetInt64(0), reader.GetString(1)));
            }
            return result;
        }));
    }

    internal static void EnsureClientActivityIdFits(string? clientActivityId)
    {
        if (clientActivityId is not null)
        {
            ArgumentException.ThrowIfNullOrEmpty(clientActivityId);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(clientActivityId.Length, IActivityLog.MaxClientActivityIdLength, nameof(clientActivityId));
        }
    }

    // The writer's batch transaction is IMMEDIATE and its writes run one after another, so two
    // appenders can never read the same MAX.
    private static long NextPosition(SqliteSession session, string conversationId)
    {
        var next = session.Command(NextPositionSql, "$c");
        next.Parameters[0].Value = conversationId;
        return (long)next.ExecuteScalar()!;
    }

    private static LoggedActivity Insert(SqliteSession session, string conversationId, long position, Func<long, string> render, string? clientActivityId)
    {
        var json = render(position);
        var insert = session.Command(InsertSql, "$c", "$p", "$j", "$k");
        insert.Parameters[0].Value = conversationId;
        insert.Parameters[1].Value = position;
        insert.Parameters[2].Value = json;
        insert.Parameters[3].Value = (object?)clientActivityId ?? DBNull.Value;
        insert.ExecuteNonQuery();
        return new LoggedActivity(position, json);
    }
}
