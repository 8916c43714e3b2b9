namespace SupportBot.Storage;

/// <summary>
/// The durable inbox of a channel that answers "accepted" before the turn runs (Bot Framework: 202). An entry is
/// written before the answer and deleted once its turn is over, so an activity accepted by an instance that then
/// died (kill -9, OOM, deploy) is still there to be run: by the next process on the same data directory (SQLite)
/// or by a surviving instance once the dead one's lease has run out (PostgreSQL).
/// </summary>
/// <remarks>
/// Re-running an entry whose turn had finished but was not completed yet is harmless: the turn runner acknowledges
/// an activity id its state has already processed without running it again.
/// </remarks>
public interface IActivityInbox
{
    /// <summary>Whether several live instances share the inbox, so entries of a dead one appear while this one runs (leases).</summary>
    bool IsShared { get; }

    /// <summary>Writes an accepted activity, held by this instance; returns after the write is committed.</summary>
    /// <returns>The entry id to pass to <see cref="CompleteAsync"/>.</returns>
    Task<long> AddAsync(string conversationId, string? activityId, string activityJson, DateTimeOffset receivedAt, CancellationToken cancellationToken = default);

    /// <summary>Deletes the entry: its turn is over (processed, duplicate or failed and apologised). Unknown ids are ignored.</summary>
    Task CompleteAsync(long entryId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims for this instance up to <paramref name="limit"/> entries that are not done and not held by a live
    /// instance, oldest first (received order, so per conversation too). Each entry is claimed by one claimer only.
    /// </summary>
    Task<IReadOnlyList<ActivityInboxEntry>> ClaimAbandonedAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>Gives claimed entries back (this instance could not queue them): claimable again at once.</summary>
    Task ReleaseAsync(IReadOnlyCollection<long> entryIds, CancellationToken cancellationToken = default);

    /// <summary>Extends this instance's hold on every entry it holds (call it well within the lease; no-op when not shared).</summary>
    Task RenewAsync(CancellationToken cancellationToken = default);

    /// <summary>Entries not completed yet (all holders).</summary>
    Task<int> CountAsync(CancellationToken cancellationToken = default);
}
