using System.Globalization;
using Npgsql;

namespace SupportBot.Storage.PostgreSql;

/// <summary>
/// PostgreSQL <see cref="IActivityInbox"/>, shared by every instance. Each entry is held by one instance
/// (<c>owner</c>) until <c>lease_until_ms</c>; a living instance renews its leases (<see cref="RenewAsync"/>), so
/// only a dead instance's entries expire. A claim picks expired entries with <c>FOR UPDATE SKIP LOCKED</c> and takes
/// them over in the same statement, so two claimers never get the same entry.
/// </summary>
public sealed class PostgreSqlActivityInbox : IActivityInbox
{
    private const string Columns = "id, conversation_id, activity_id, activity_json, received_at_ms, claims";
    private readonly PostgreSqlActivityInboxDatabase _database;
    private readonly TimeProvider _time;
    private readonly long _leaseMs;

    /// <summary>Creates the inbox of one instance.</summary>
    /// <param name="database">The migrated inbox track.</param>
    /// <param name="time">The app clock (leases are Unix ms of it; instances' clocks should agree well within the lease).</param>
    /// <param name="lease">How long a hold lasts without renewal (e.g. 30 s): a dead instance's entries wait this long.</param>
    /// <param name="owner">This instance's id (a new one per process when not given).</param>
    public PostgreSqlActivityInbox(PostgreSqlActivityInboxDatabase database, TimeProvider time, TimeSpan lease, string? owner = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        _database = database;
        _time = time;
        _leaseMs = (long)lease.TotalMilliseconds;
        Owner = string.IsNullOrWhiteSpace(owner)
            ? string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}")
            : owner;
    }

    /// <summary>This instance's id in the <c>owner</c> column.</summary>
    public string Owner { get; }

    /// <inheritdoc />
    public bool IsShared => true;

    /// <inheritdoc />
    public async Task<long> AddAsync(string conversationId, string? activityId, string activityJson, DateTimeOffset receivedAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(activityJson);
        await using var command = _database.DataSource.CreateCommand("""
            INSERT INTO activity_inbox (conversation_id, activity_id, activity_json, received_at_ms, owner, lease_until_ms)
            VALUES ($1, $2, $3, $4, $5, $6)
            RETURNING id;
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = conversationId });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)activityId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = activityJson });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = receivedAt.ToUnixTimeMilliseconds() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Owner });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = LeaseUntil() });
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public async Task CompleteAsync(long entryId, CancellationToken cancellationToken = default)
    {
        await using var command = _database.DataSource.CreateCommand("DELETE FROM activity_inbox WHERE id = $1;");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = entryId });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ActivityInboxEntry>> ClaimAbandonedAsync(int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var command = _database.DataSource.CreateCommand($"""
            UPDATE activity_inbox SET owner = $1, lease_until_ms = $2, claims = claims + 1
            WHERE id IN (SELECT id FROM activity_inbox WHERE lease_until_ms <= $3
                         ORDER BY id LIMIT $4
                         FOR UPDATE SKIP LOCKED)
            RETURNING {Columns};
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Owner });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = LeaseUntil() });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = _time.GetUtcNow().ToUnixTimeMilliseconds() });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        var entries = new List<ActivityInboxEntry>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                entries.Add(new ActivityInboxEntry(
                    reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)), reader.GetInt32(5)));
            }
        }

        entries.Sort((a, b) => a.Id.CompareTo(b.Id)); // RETURNING has no order
        return entries;
    }

    /// <inheritdoc />
    public async Task ReleaseAsync(IReadOnlyCollection<long> entryIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entryIds);
        if (entryIds.Count == 0)
        {
            return;
        }

        await using var command = _database.DataSource.CreateCommand(
            "UPDATE activity_inbox SET lease_until_ms = 0, claims = GREATEST(claims - 1, 0) WHERE id = ANY($1) AND owner = $2;");
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. entryIds] });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Owner });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task RenewAsync(CancellationToken cancellationToken = default)
    {
        // Only entries still ours: one taken over after our lease ran out (we were too slow) stays with its new owner.
        await using var command = _database.DataSource.CreateCommand("UPDATE activity_inbox SET lease_until_ms = $1 WHERE owner = $2;");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = LeaseUntil() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Owner });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _database.DataSource.CreateCommand("SELECT COUNT(*) FROM activity_inbox;");
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private long LeaseUntil() => _time.GetUtcNow().ToUnixTimeMilliseconds() + _leaseMs;
}
