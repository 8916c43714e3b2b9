namespace SupportBot.Storage;

/// <summary>No inbox: accepted activities live only in memory (a host without storage, e.g. a test host). Nothing survives a restart.</summary>
public sealed class NullActivityInbox : IActivityInbox
{
    /// <summary>The shared instance.</summary>
    public static NullActivityInbox Instance { get; } = new();

    private NullActivityInbox()
    {
    }

    /// <inheritdoc />
    public bool IsShared => false;

    /// <inheritdoc />
    public Task<long> AddAsync(string conversationId, string? activityId, string activityJson, DateTimeOffset receivedAt, CancellationToken cancellationToken = default)
        => Task.FromResult(0L);

    /// <inheritdoc />
    public Task CompleteAsync(long entryId, CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <inheritdoc />
    public Task<IReadOnlyList<ActivityInboxEntry>> ClaimAbandonedAsync(int limit, CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyList<ActivityInboxEntry>>([]);

    /// <inheritdoc />
    public Task ReleaseAsync(IReadOnlyCollection<long> entryIds, CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <inheritdoc />
    public Task RenewAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <inheritdoc />
    public Task<int> CountAsync(CancellationToken cancellationToken = default) => Task.FromResult(0);
}
