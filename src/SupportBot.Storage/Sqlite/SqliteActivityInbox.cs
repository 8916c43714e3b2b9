using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SupportBot.Storage.Sqlite;

/// <summary>
/// SQLite <see cref="IActivityInbox"/>. One process per data directory, so no leases: every entry present when this
/// object is created was left by a dead process and is claimable (once), while entries this object adds are held by
/// it. <c>AUTOINCREMENT</c> ids are never reused, which makes "left over" simply "id at most the maximum at open".
/// </summary>
/// <remarks>
/// Adding and completing (two writes per accepted activity) go through the core <see cref="SqliteDatabase"/>'s
/// group-commit writer, so they share commits with the turns' writes instead of waiting on the file lock beside them;
/// the rare claims and counts use the inbox's own connections. A write returns after its commit (WAL,
/// <c>synchronous=NORMAL</c>): it survives the process dying (kill -9, OOM); like the conversation state, the last
/// commits may be lost on power loss.
/// </remarks>
public sealed class SqliteActivityInbox : IActivityInbox
{
    private const string Columns = "id, conversation_id, activity_id, activity_json, received_at_ms, claims";
    private const string InsertSql = "INSERT INTO activity_inbox (conversation_id, activity_id, activity_json, received_at_ms) "
        + "VALUES ($conversation, $activity, $json, $received) RETURNING id;";

    private const string DeleteSql = "DELETE FROM activity_inbox WHERE id = $id;";

    private readonly SqliteDatabase _writer;
    private readonly SqliteActivityInboxDatabase _database;
    private readonly Lock _claimGate = new();
    private readonly long _leftOverThrough;
    private long _claimedThrough;

    /// <summary>
    /// Opens the inbox in <paramref name="database"/>'s file (migrating its own track); what is in it now is the
    /// previous process's.
    /// </summary>
    /// <param name="database">The core database: its writer commits the inbox's adds and completions.</param>
    /// <param name="busyTimeout">How long the inbox's own connections (claims, counts) wait for the file lock.</param>
    public SqliteActivityInbox(SqliteDatabase database, TimeSpan? busyTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        _writer = database;
        _database = new SqliteActivityInboxDatabase(database.FilePath, busyTimeout);
        using var connection = _database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(id), 0) FROM activity_inbox;";
        _leftOverThrough = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public bool IsShared => false;

    /// <inheritdoc />
    public Task<long> AddAsync(string conversationId, string? activityId, string activityJson, DateTimeOffset receivedAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(activityJson);
        return _writer.WriteAsync(session =>
        {
            var command = session.Command(InsertSql, "$conversation", "$activity", "$json", "$received");
            command.Parameters[0].Value = conversationId;
            command.Parameters[1].Value = (object?)activityId ?? DBNull.Value;
            command.Parameters[2].Value = activityJson;
            command.Parameters[3].Value = receivedAt.ToUnixTimeMilliseconds();
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task CompleteAsync(long entryId, CancellationToken cancellationToken = default) =>
        _writer.WriteAsync(session =>
        {
            var command = session.Command(DeleteSql, "$id");
            command.Parameters[0].Value = entryId;
            return command.ExecuteNonQuery();
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ActivityInboxEntry>> ClaimAbandonedAsync(int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        lock (_claimGate)
        {
            if (_claimedThrough >= _leftOverThrough)
            {
                return Task.FromResult<IReadOnlyList<ActivityInboxEntry>>([]);
            }

            using var connection = _database.OpenConnection();
            using var command = connection.CreateCommand();
            command.CommandText = $"""
                UPDATE activity_inbox SET claims = claims + 1
                WHERE id IN (SELECT id FROM activity_inbox WHERE id > $after AND id <= $through ORDER BY id LIMIT $limit)
                RETURNING {Columns};
                """;
            command.Parameters.AddWithValue("$after", _claimedThrough);
            command.Parameters.AddWithValue("$through", _leftOverThrough);
            command.Parameters.AddWithValue("$limit", limit);
            var entries = new List<ActivityInboxEntry>();
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    entries.Add(Read(reader));
                }
            }

            entries.Sort((a, b) => a.Id.CompareTo(b.Id)); // RETURNING has no order
            _claimedThrough = entries.Count < limit ? _leftOverThrough : entries[^1].Id;
            return Task.FromResult<IReadOnlyList<ActivityInboxEntry>>(entries);
        }
    }

    /// <inheritdoc />
    public Task ReleaseAsync(IReadOnlyCollection<long> entryIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entryIds);
        if (entryIds.Count == 0)
        {
            return Task.CompletedTask;
        }

        lock (_claimGate)
        {
            using var connection = _database.OpenConnection();
            using var command = connection.CreateCommand();
            command.CommandText = $"UPDATE activity_inbox SET claims = MAX(claims - 1, 0) WHERE id IN ({string.Join(',', entryIds.Select(id => id.ToString(CultureInfo.InvariantCulture)))});";
            command.ExecuteNonQuery();
            // Claims go in id order and the recovery gives back the tail of a batch: the next claim starts there again.
            _claimedThrough = Math.Min(_claimedThrough, entryIds.Min() - 1);
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task RenewAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <inheritdoc />
    public Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        using var connection = _database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM activity_inbox;";
        return Task.FromResult(Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture));
    }

    private static ActivityInboxEntry Read(SqliteDataReader reader) => new(
        reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)), reader.GetInt32(5));
}
