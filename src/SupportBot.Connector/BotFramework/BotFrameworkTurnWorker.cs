using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.Schema;

namespace SupportBot.Connector.BotFramework;

/// <summary>
/// Runs queued turns in the background. Turns of one conversation are chained in arrival order (the runner's lock
/// alone would not keep order between two waiters); different conversations run in parallel, at most
/// <see cref="BotFrameworkChannelOptions.MaxConcurrentTurns"/> dispatched at once — beyond that the worker stops
/// reading and the queue fills, which the endpoint reports as 503.
/// </summary>
public sealed class BotFrameworkTurnWorker(
    BotFrameworkTurnQueue queue,
    BotFrameworkChannelAdapter adapter,
    IOptions<BotFrameworkChannelOptions> options,
    ILogger<BotFrameworkTurnWorker> logger) : BackgroundService
{
    private readonly Dictionary<string, Task> _tails = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.Value.MaxConcurrentTurns));

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var activity in queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await _slots.WaitAsync(stoppingToken).ConfigureAwait(false);
                Dispatch(activity, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        Task[] running;
        lock (_tails)
        {
            running = [.. _tails.Values];
        }

        // Let started turns finish (bounded by the host's shutdown timeout).
        await Task.WhenAll(running).ConfigureAwait(false);
    }

    private void Dispatch(Activity activity, CancellationToken stoppingToken)
    {
        var conversationId = activity.Conversation!.Id!;
        Task tail;
        lock (_tails)
        {
            var previous = _tails.GetValueOrDefault(conversationId) ?? Task.CompletedTask;
            tail = RunAfterAsync(previous, activity, conversationId, stoppingToken);
            _tails[conversationId] = tail;
        }

        _ = tail.ContinueWith(
            done =>
            {
                lock (_tails)
                {
                    if (_tails.TryGetValue(conversationId, out var current) && current == done)
                    {
                        _tails.Remove(conversationId);
                    }
                }
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task RunAfterAsync(Task previous, Activity activity, string conversationId, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Yield(); // never run a turn inside Dispatch's lock
            await previous.ConfigureAwait(false); // never faults: failures are logged below
            await adapter.ProcessAsync(activity, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            BotFrameworkLog.BackgroundTurnFailed(logger, ex, conversationId, activity.Id);
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _slots.Dispose();
        base.Dispose();
    }
}
