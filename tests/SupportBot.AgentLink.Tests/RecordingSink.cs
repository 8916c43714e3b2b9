using System.Collections.Concurrent;

namespace SupportBot.AgentLink.Tests;

/// <summary>The host's sink as a test sees it: records results, "job started" and "paired" notices.</summary>
public sealed class RecordingSink : IAgentResultSink
{
    private readonly SemaphoreSlim _arrived = new(0);

    public ConcurrentQueue<AgentResultEvent> Results { get; } = new();
    public ConcurrentQueue<AgentJobStartedEvent> Started { get; } = new();
    public ConcurrentQueue<AgentPairedEvent> Paired { get; } = new();

    public Task PairedAsync(AgentPairedEvent paired, CancellationToken cancellationToken)
    {
        Paired.Enqueue(paired);
        return Task.CompletedTask;
    }

    public Task DeliverAsync(AgentResultEvent resultEvent, CancellationToken cancellationToken)
    {
        Results.Enqueue(resultEvent);
        _arrived.Release();
        return Task.CompletedTask;
    }

    public Task JobStartedAsync(AgentJobStartedEvent started, CancellationToken cancellationToken)
    {
        Started.Enqueue(started);
        return Task.CompletedTask;
    }

    /// <summary>Waits until at least <paramref name="count"/> results have arrived.</summary>
    public async Task WaitForAsync(int count, TimeSpan limit)
    {
        using var cts = new CancellationTokenSource(limit);
        while (Results.Count < count)
        {
            try { await _arrived.WaitAsync(TimeSpan.FromMilliseconds(200), cts.Token); }
            catch (OperationCanceledException) { throw new Xunit.Sdk.XunitException($"Only {Results.Count} of {count} results arrived within {limit}."); }
        }
    }
}
