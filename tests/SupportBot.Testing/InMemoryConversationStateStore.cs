using SupportBot.Storage;

namespace SupportBot.Testing;

/// <summary>A test store with real optimistic concurrency and conflict injection.</summary>
public sealed class InMemoryConversationStateStore : IConversationStateStore
{
    private readonly Dictionary<string, StoredState> _rows = new(StringComparer.Ordinal);
    private int _conflictsToInject;

    public int Writes { get; private set; }

    /// <summary>The next <paramref name="count"/> writes report a conflict (as if another instance saved first).</summary>
    public void InjectConflicts(int count) => Interlocked.Exchange(ref _conflictsToInject, count);

    public string? JsonOf(string conversationId)
    {
        lock (_rows)
        {
            return _rows.TryGetValue(conversationId, out var row) ? row.Json : null;
        }
    }

    public Task<StoredState?> ReadAsync(string conversationId, CancellationToken cancellationToken)
    {
        lock (_rows)
        {
            return Task.FromResult(_rows.TryGetValue(conversationId, out var row) ? row : null);
        }
    }

    public async Task<long?> TryWriteAsync(string conversationId, string json, long expectedVersion, CancellationToken cancellationToken)
    {
        await Task.Yield(); // like a real store: never completes synchronously
        lock (_rows)
        {
            if (_conflictsToInject > 0)
            {
                _conflictsToInject--;
                return null;
            }

            var current = _rows.TryGetValue(conversationId, out var row) ? row.Version : 0;
            if (current != expectedVersion)
            {
                return null;
            }

            Writes++;
            _rows[conversationId] = new StoredState(json, current + 1);
            return current + 1;
        }
    }
}
