namespace SupportBot.Connector.DirectLine.Conversations;

/// <summary>
/// One async lock per conversation, created on demand and dropped when nobody holds or waits for it.
/// Holding it across "append to the log" and "run the turn" makes replies follow their messages in order.
/// </summary>
public sealed class ConversationLocks
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Waits for the conversation's lock; dispose the result to release it.</summary>
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
            entry.Users++;
        }
        try
        {
            await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Release(conversationId, entry, held: false);
            throw;
        }
        return new Releaser(this, conversationId, entry);
    }

    private void Release(string conversationId, Entry entry, bool held)
    {
        if (held)
        {
            entry.Gate.Release();
        }
        lock (_entries)
        {
            if (--entry.Users == 0)
            {
                _entries.Remove(conversationId);
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Releaser(ConversationLocks owner, string conversationId, Entry entry) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner.Release(conversationId, entry, held: true);
            }
        }
    }
}
