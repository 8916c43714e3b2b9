using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.Helpdesk.Outbox;

namespace SupportBot.Helpdesk.Webhook;

/// <summary>
/// Drains the webhook outbox: leases the next due item, sends it, and either marks it delivered or
/// pushes its next attempt back exponentially. Items are never dropped.
/// </summary>
public sealed class WebhookDeliveryService : BackgroundService
{
    private readonly IWebhookOutbox _outbox;
    private readonly WebhookSender _sender;
    private readonly WebhookNudge _nudge;
    private readonly IOptionsMonitor<HelpdeskOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<WebhookDeliveryService> _logger;

    /// <summary>Creates the drainer.</summary>
    public WebhookDeliveryService(IWebhookOutbox outbox, WebhookSender sender, WebhookNudge nudge,
        IOptionsMonitor<HelpdeskOptions> options, TimeProvider time, ILogger<WebhookDeliveryService> logger)
    {
        _outbox = outbox;
        _sender = sender;
        _nudge = nudge;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>The delay before attempt <paramref name="failedAttempts"/> + 1: base × 2^(n−1), capped.</summary>
    public static TimeSpan Backoff(WebhookOptions options, int failedAttempts)
    {
        var factor = Math.Pow(2, Math.Clamp(failedAttempts - 1, 0, 30));
        var delay = TimeSpan.FromMilliseconds(options.OutboxBackoff.TotalMilliseconds * factor);
        return delay < options.OutboxBackoffMax ? delay : options.OutboxBackoffMax;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var options = _options.CurrentValue.Webhook;
            try
            {
                var item = options.Enabled ? await _outbox.LeaseNextAsync(options.Lease, stoppingToken).ConfigureAwait(false) : null;
                if (item is null)
                {
                    await _nudge.WaitAsync(options.PollInterval, stoppingToken).ConfigureAwait(false);
                    continue;
                }
                await DeliverAsync(item, options, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                HelpdeskLog.DrainerError(_logger, ex);
                await Task.Delay(options.PollInterval, _time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task DeliverAsync(OutboxItem item, WebhookOptions options, CancellationToken stoppingToken)
    {
        WebhookSendResult result;
        try
        {
            result = await _sender.SendAsync(item, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down mid-send: make it due again at once for the next start (it may arrive twice; the delivery id tells).
            await _outbox.MarkFailedAsync(item.Id, "interrupted by shutdown", _time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        if (result.Delivered)
        {
            await _outbox.MarkDeliveredAsync(item.Id, CancellationToken.None).ConfigureAwait(false);
            HelpdeskLog.WebhookDelivered(_logger, item.DeliveryId, item.EventName, item.Attempts);
            return;
        }
        var next = _time.GetUtcNow() + Backoff(options, item.Attempts + 1);
        await _outbox.MarkFailedAsync(item.Id, result.Error ?? "unknown error", next, CancellationToken.None).ConfigureAwait(false);
        HelpdeskLog.WebhookFailed(_logger, item.DeliveryId, item.Attempts + 1, result.Error ?? "unknown error", next);
    }
}
