using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.Helpdesk.Tickets;

namespace SupportBot.Helpdesk.Relay;

/// <summary>
/// Tells the user once when nobody has claimed their ticket within <see cref="HelpdeskOptions.ClaimTimeout"/>:
/// the ticket stands, and how they will be contacted. The store marks tickets as told atomically, so
/// several instances never send the notice twice.
/// </summary>
public sealed class ClaimTimeoutService : BackgroundService
{
    private readonly ITicketStore _store;
    private readonly UserNotifier _notifier;
    private readonly IOptionsMonitor<HelpdeskOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ClaimTimeoutService> _logger;

    /// <summary>Creates the check.</summary>
    public ClaimTimeoutService(ITicketStore store, UserNotifier notifier, IOptionsMonitor<HelpdeskOptions> options, TimeProvider time, ILogger<ClaimTimeoutService> logger)
    {
        _store = store;
        _notifier = notifier;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>One pass: notices every overdue, not yet told ticket; returns how many.</summary>
    public async Task<int> CheckOnceAsync(CancellationToken cancellationToken)
    {
        var options = _options.CurrentValue;
        var overdue = await _store.TakeUnclaimedForNoticeAsync(_time.GetUtcNow() - options.ClaimTimeout, cancellationToken).ConfigureAwait(false);
        foreach (var ticket in overdue)
        {
            var contact = HelpdeskTexts.IsEnglish(ticket.Locale) ? options.ContactTextEn : options.ContactText;
            await _notifier.NotifyAsync(ticket, HelpdeskNoticeKind.ClaimTimeout,
                HelpdeskTexts.ClaimTimeout(ticket.Number, contact, ticket.Locale), null, cancellationToken).ConfigureAwait(false);
        }
        return overdue.Count;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.CurrentValue.ClaimCheckInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await CheckOnceAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    HelpdeskLog.ClaimCheckError(_logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
