namespace SupportBot.Storage.Sqlite;

/// <summary>
/// SQLite <see cref="IActivityLog"/>: positions are allocated inside the writer's (group-committed)
/// transaction; recent activities of active conversations are read from memory
/// (<see cref="SqliteRecentActivities"/>: safe because the SQLite engine is a single instance).
/// </summary>
public sealed class SqliteActivityLog(SqliteDatabase database) : IActivityLog
{
    private const string NextPositionSql = "SELECT COALESCE(MAX(position), 0) + 1 FROM directline_activity WHERE conversation_id = $c;";
    private const string InsertSql = "INSERT INTO directline_activity (conversation_id, position, json) VALUES ($c, $p, $j);";
    private const string ReadSql = "SELECT position, json FROM directline_activity WHERE conversation_id = $c AND position > $w ORDER BY position LIMIT $n;";

    /// <inheritdoc />
    public Task<LoggedActivity> AppendAsync(string conversationId, Func<long, string> render, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(render);
        cancellationToken.ThrowIfCancellationRequested();
        return AppendAndRememberAsync(conversationId, render, cancellationToken);
    }

    private async Task<LoggedActivity> AppendAndRememberAsync(string conversationId, Func<long, string> render, CancellationToken cancellationToken)
    {
        var logged = await database.WriteAsync(session =>
        {
            // The writer's batch transaction is IMMEDIATE and its writes run one after another, so two
            // appenders can never read the same MAX.
            var next = session.Command(NextPositionSql, "$c");
            next.Parameters[0].Value = conversationId;
            var position = (long)next.ExecuteScalar()!;

            var json = render(position);
            var insert = session.Command(InsertSql, "$c", "$p", "$j");
            insert.Parameters[0].Value = conversationId;
            insert.Parameters[1].Value = position;
            insert.Parameters[2].Value = json;
            insert.ExecuteNonQuery();
            return new LoggedActivity(position, json);
        }, cancellationToken).ConfigureAwait(false);
        // Only after the commit: a reader must never see an activity that could still roll back.
        database.RecentActivities.Add(conversationId, logged);
        return logged;
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
}
