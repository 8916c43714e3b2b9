using SupportBot.Storage;

namespace SupportBot.Flows.Tests.Dialogs;

/// <summary>A conversation state store in memory, so every turn round-trips the dialog state through JSON.</summary>
internal sealed class InMemoryStateStore : IConversationStateStore
{
    private readonly Dictionary<string, StoredState> _rows = new(StringComparer.Ordinal);

    public string? JsonOf(string conversationId)
    {
        lock (_rows) return _rows.TryGetValue(conversationId, out var row) ? row.Json : null;
    }

    public Task<StoredState?> ReadAsync(string conversationId, CancellationToken cancellationToken)
    {
        lock (_rows) return Task.FromResult(_rows.TryGetValue(conversationId, out var row) ? row : null);
    }

    public Task<long?> TryWriteAsync(string conversationId, string json, long expectedVersion, CancellationToken cancellationToken)
    {
        lock (_rows)
        {
            var current = _rows.TryGetValue(conversationId, out var row) ? row.Version : 0;
            if (current != expectedVersion) return Task.FromResult<long?>(null);
            _rows[conversationId] = new StoredState(json, current + 1);
            return Task.FromResult<long?>(current + 1);
        }
    }
}
