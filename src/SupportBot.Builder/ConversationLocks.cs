namespace SupportBot.Builder;

/// <summary>
/// One async lock per conversation id, so turns of a conversation run one at a time while different
/// conversations run in parallel. Entries exist only while someone holds or waits for them (no unbounded growth).
/// Waiters are served in arrival order (SemaphoreSlim queues async waiters FIFO).
/// </summary>
internal sealed class ConversationLocks
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

    /// <summary>Waits for the lock of <paramref name="conversationId"/>; dispose the result to release it.</summary>
    public async Task<IDisposable> AcquireAsync(string conversationId, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(conversationId, out entry!))
            {
                entry = new Entry();
                _entries.Add(conversationId, entry);
            }

            entry.References++;
        }

        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Unreference(conversationId, entry);
            throw;
        }

        return new Releaser(this, conversationId, entry);
    }

    private void Unreference(string conversationId, Entry entry)
    {
        lock (_entries)
        {
            if (--entry.References == 0)
            {
                _entries.Remove(conversationId);
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int References { get; set; }
    }

    private sealed class Releaser(ConversationLocks owner, string conversationId, Entry entry) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                entry.Semaphore.Release();
                owner.Unreference(conversationId, entry);
            }
        }
    }
}
