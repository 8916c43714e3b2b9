using System.Collections.Concurrent;

namespace SupportBot.AgentLink.Jobs;

/// <summary>
/// In-process wake-up for long-polls: <see cref="Pulse"/> completes the conversation's current waiter. Waiters also
/// re-read the store every <see cref="AgentLinkOptions.StorePollInterval"/>, so a job queued by another instance
/// is still found.
/// </summary>
internal sealed class JobSignal
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiters = new(StringComparer.Ordinal);

    /// <summary>A task that completes on the next <see cref="Pulse"/>; take it before reading the store so no pulse is missed.</summary>
    public Task Next(string conversationId) =>
        _waiters.GetOrAdd(conversationId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Wakes every waiter of the conversation.</summary>
    public void Pulse(string conversationId)
    {
        if (_waiters.TryRemove(conversationId, out var waiter)) waiter.TrySetResult();
    }
}
