using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.Connector.Authentication;
using SupportBot.Schema;
using SupportBot.Storage;

namespace SupportBot.Connector.BotFramework;

/// <summary>
/// Puts accepted activities that a dead process left in the <see cref="IActivityInbox"/> back through the turn queue.
/// The first pass runs in <see cref="StartAsync"/>, before the web server takes requests, so left-overs go ahead of
/// new messages. Then, every <see cref="BotFrameworkChannelOptions.InboxRecoveryPeriod"/> (at most a third of the
/// lease), this instance renews its leases and claims entries whose holder died (PostgreSQL), or the left-overs that
/// did not fit in the queue at start (SQLite). A recovered activity's serviceUrl is trusted again: only activities
/// whose serviceUrl authentication trusted are written to the inbox, and the trust registry does not survive a restart.
/// </summary>
/// <remarks>
/// Claims never exceed the queue's free slots, so the inbox held by one instance stays bounded by the queue capacity.
/// Entries older than <see cref="BotFrameworkChannelOptions.InboxMaxAge"/> or claimed more than
/// <see cref="BotFrameworkChannelOptions.InboxMaxClaims"/> times are dropped with a log line instead of run.
/// </remarks>
public sealed class BotFrameworkInboxRecovery(
    IActivityInbox inbox,
    BotFrameworkTurnQueue queue,
    ITrustedServiceUrls trustedServiceUrls,
    IOptions<BotFrameworkChannelOptions> options,
    TimeProvider time,
    ILogger<BotFrameworkInboxRecovery> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await RecoverAsync(cancellationToken).ConfigureAwait(false);
        _loop = RunAsync(_stopping.Token);
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Cancel inline (the loop's wait completes before this returns), then, like BackgroundService, wait for the loop
        // or for the host's shutdown timeout, whichever comes first, without throwing. Safe to call twice or after
        // Dispose, in any order the host and a test factory choose.
        _stopping.Cancel();
        await Task.WhenAny(_loop, Task.Delay(Timeout.Infinite, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>One pass: claims what fits in the queue and queues it in entry order; returns how many were queued.</summary>
    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        var free = queue.FreeSlots;
        if (free == 0)
        {
            return 0;
        }

        var entries = await inbox.ClaimAbandonedAsync(free, cancellationToken).ConfigureAwait(false);
        var settings = options.Value;
        var oldest = time.GetUtcNow() - settings.InboxMaxAge;
        var queued = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var activity = Usable(entry, oldest, settings);
            if (activity is null)
            {
                await inbox.CompleteAsync(entry.Id, cancellationToken).ConfigureAwait(false);
                continue;
            }

            // The endpoint writes only activities whose serviceUrl authentication trusted; that trust lives in memory.
            trustedServiceUrls.Trust(activity.ServiceUrl!);
            if (!queue.TryEnqueue(activity, entry.Id))
            {
                // The queue filled meanwhile: give this one and the rest back, in order, for the next pass.
                await inbox.ReleaseAsync([.. entries.Skip(i).Select(e => e.Id)], cancellationToken).ConfigureAwait(false);
                break;
            }
            queued++;
        }

        if (queued > 0)
        {
            BotFrameworkLog.InboxRecovered(logger, queued);
        }
        return queued;
    }

    private Activity? Usable(ActivityInboxEntry entry, DateTimeOffset oldest, BotFrameworkChannelOptions settings)
    {
        if (entry.ReceivedAt < oldest)
        {
            BotFrameworkLog.InboxEntryTooOld(logger, entry.Id, entry.ConversationId, entry.ReceivedAt, settings.InboxMaxAge);
            return null;
        }

        if (entry.Claims > Math.Max(1, settings.InboxMaxClaims))
        {
            BotFrameworkLog.InboxEntryGivenUp(logger, entry.Id, entry.ConversationId, entry.ActivityId, entry.Claims);
            return null;
        }

        var activity = BotJson.DeserializeActivity(entry.ActivityJson);
        if (activity?.Conversation?.Id is null || string.IsNullOrEmpty(activity.ServiceUrl))
        {
            BotFrameworkLog.InboxEntryGivenUp(logger, entry.Id, entry.ConversationId, entry.ActivityId, entry.Claims);
            return null;
        }
        return activity;
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var period = settings.InboxRecoveryPeriod;
        if (inbox.IsShared && settings.InboxLease / 3 < period)
        {
            period = settings.InboxLease / 3; // renew well before the lease runs out
        }
        period = period < TimeSpan.FromMilliseconds(100) ? TimeSpan.FromMilliseconds(100) : period;

        using var timer = new PeriodicTimer(period, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await inbox.RenewAsync(stoppingToken).ConfigureAwait(false);
                    await RecoverAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    BotFrameworkLog.InboxRecoveryFailed(logger, ex, period);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Like BackgroundService: cancels and never disposes the token source (it holds nothing unmanaged), so a
    /// StopAsync that comes later, or runs at the same time, still finds it usable.
    /// </remarks>
    public void Dispose() => _stopping.Cancel();
}
