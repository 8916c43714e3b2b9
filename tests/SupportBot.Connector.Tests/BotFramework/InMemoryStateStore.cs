using System.Collections.Concurrent;
using SupportBot.Storage;

namespace SupportBot.Connector.Tests.BotFramework;

/// <summary>Conversation state in a dictionary, with the same version contract as the SQL stores.</summary>
public sealed class InMemoryStateStore : IConversationStateStore
{
    private readonly ConcurrentDictionary<string, StoredState> _states = new(StringComparer.Ordinal);

    public Task<StoredState?> ReadAsync(string conversationId, CancellationToken cancellationToken)
        => Task.FromResult(_states.TryGetValue(conversationId, out var state) ? state : null);

    public Task<long?> TryWriteAsync(string conversationId, string json, long expectedVersion, CancellationToken cancellationToken)
    {
        lock (_states)
        {
            var current = _states.TryGetValue(conversationId, out var state) ? state.Version : 0;
            if (current != expectedVersion)
            {
                return Task.FromResult<long?>(null);
            }

            _states[conversationId] = new StoredState(json, current + 1);
            return Task.FromResult<long?>(current + 1);
        }
    }
}
