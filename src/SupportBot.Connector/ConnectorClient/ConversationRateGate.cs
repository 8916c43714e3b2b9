using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace SupportBot.Connector.ConnectorClient;

/// <summary>
/// Paces writes to one conversation below Teams' per-thread budget (7 per second, 60 per 30 seconds) and
/// serialises them, so replies keep their order and bursts wait here instead of drawing 429s.
/// </summary>
public sealed class ConversationRateGate
{
    private static readonly TimeSpan ShortWindow = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongWindow = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, Lane> _lanes = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly int _perSecond;
    private readonly int _per30Seconds;

    /// <summary>Creates the gate.</summary>
    public ConversationRateGate(IOptions<ConnectorClientOptions> options, TimeProvider time)
    {
        _time = time;
        _perSecond = Math.Max(1, options.Value.PerConversationPerSecond);
        _per30Seconds = Math.Max(1, options.Value.PerConversationPer30Seconds);
    }

    /// <summary>Waits for this conversation's turn and budget; dispose the lease when the write has finished.</summary>
    public async Task<IDisposable> AcquireAsync(string conversationKey, CancellationToken cancellationToken)
    {
        var lane = _lanes.GetOrAdd(conversationKey, _ => new Lane());
        await lane.Lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (NextAllowed(lane) is { } wait)
            {
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }

            lane.Sent.Enqueue(_time.GetUtcNow());
            return new Lease(lane);
        }
        catch
        {
            lane.Lock.Release();
            throw;
        }
    }

    private TimeSpan? NextAllowed(Lane lane)
    {
        var now = _time.GetUtcNow();
        while (lane.Sent.TryPeek(out var oldest) && now - oldest >= LongWindow)
        {
            lane.Sent.TryDequeue(out _);
        }

        if (lane.Sent.Count >= _per30Seconds)
        {
            return lane.Sent.ElementAt(lane.Sent.Count - _per30Seconds) + LongWindow - now;
        }

        var recent = lane.Sent.Where(sent => now - sent < ShortWindow).ToList();
        return recent.Count >= _perSecond ? recent[recent.Count - _perSecond] + ShortWindow - now : null;
    }

    private sealed class Lane
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);
        public Queue<DateTimeOffset> Sent { get; } = new();
    }

    private sealed class Lease(Lane lane) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                lane.Lock.Release();
            }
        }
    }
}
