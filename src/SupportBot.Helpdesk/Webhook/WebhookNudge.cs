namespace SupportBot.Helpdesk.Webhook;

/// <summary>Wakes the drainer when something was enqueued, so a new ticket goes out without waiting a poll interval.</summary>
public sealed class WebhookNudge
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>Signals that work may be due.</summary>
    public void Nudge()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up is enough.
        }
    }

    /// <summary>Waits for a nudge or <paramref name="timeout"/>.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
