using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.Storage;

namespace SupportBot.Connector.BotFramework;

/// <summary>
/// Runs queued turns in the background. Turns of one conversation are chained in arrival order (the runner's lock
/// alone would not keep order between two waiters); different conversations run in parallel, at most
/// <see cref="BotFrameworkChannelOptions.MaxConcurrentTurns"/> dispatched at once — beyond that the worker stops
/// reading and the queue fills, which the endpoint reports as 503. Once a turn is over (processed, duplicate, failed
/// and apologised, or thrown) its inbox entry is completed; a turn cut off by shutdown keeps it, to be run again.
/// </summary>
public sealed class BotFrameworkTurnWorker(
    BotFrameworkTurnQueue queue,
    BotFrameworkChannelAdapter adapter,
    IActivityInbox inbox,
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
            await foreach (var turn in queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await _slots.WaitAsync(stoppingToken).ConfigureAwait(false);
                Dispatch(turn, stoppingToken);
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

    private void Dispatch(BotFrameworkQueuedTurn turn, CancellationToken stoppingToken)
    {
        var conversationId = turn.Activity.Conversation!.Id!;
        Task tail;
        lock (_tails)
        {
            var previous = _tails.GetValueOrDefault(conversationId) ?? Task.CompletedTask;
            tail = RunAfterAsync(previous, turn, conversationId, stoppingToken);
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

    private async Task RunAfterAsync(Task previous, BotFrameworkQueuedTurn turn, string conversationId, CancellationToken stoppingToken)
    {
        var over = false;
        try
        {
            await Task.Yield(); // never run a turn inside Dispatch's lock
            await previous.ConfigureAwait(false); // never faults: failures are logged below
            await adapter.ProcessAsync(turn.Activity, stoppingToken).ConfigureAwait(false);
            over = true;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down before or during the turn: the entry stays, the next start (or another instance) runs it.
        }
        catch (Exception ex)
        {
            // E.g. the replies could not be delivered after the state was saved: running it again would not help.
            BotFrameworkLog.BackgroundTurnFailed(logger, ex, conversationId, turn.Activity.Id);
            over = true;
        }
        finally
        {
            _slots.Release();
        }

        if (over && turn.InboxEntryId is { } entryId)
        {
            await CompleteAsync(entryId).ConfigureAwait(false);
        }
    }

    private async Task CompleteAsync(long entryId)
    {
        try
        {
            await inbox.CompleteAsync(entryId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            BotFrameworkLog.InboxCompleteFailed(logger, ex, entryId);
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _slots.Dispose();
        base.Dispose();
    }
}
