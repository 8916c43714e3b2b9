namespace SupportBot.Storage;

/// <summary>
/// The single-instance (SQLite) <see cref="IConversationLockProvider"/>: one semaphore per
/// conversation, kept only while someone holds or waits for it.
/// </summary>
public sealed class InProcessConversationLockProvider : IConversationLockProvider
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Number of conversations currently locked or waited on (for tests and diagnostics).</summary>
    public int Count
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count;
            }
        }
    }

    /// <inheritdoc />
    public async Task<IAsyncDisposable> AcquireAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(conversationId, out entry!))
            {
                entry = new Entry();
                _entries.Add(conversationId, entry);
            }
            entry.Users++;
        }
        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Leave(conversationId, entry);
            throw;
        }
        return new Releaser(this, conversationId, entry);
    }

    private void Leave(string conversationId, Entry entry)
    {
        lock (_entries)
        {
            // Last holder/waiter gone: drop the entry so the dictionary does not grow with every conversation.
            if (--entry.Users == 0)
            {
                _entries.Remove(conversationId);
                entry.Semaphore.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Releaser(InProcessConversationLockProvider owner, string conversationId, Entry entry) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                entry.Semaphore.Release();
                owner.Leave(conversationId, entry);
            }
            return ValueTask.CompletedTask;
        }
    }
}
