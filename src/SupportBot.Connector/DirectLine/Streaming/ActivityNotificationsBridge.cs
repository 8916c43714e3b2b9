using Microsoft.Extensions.Hosting;
using SupportBot.Storage;

namespace SupportBot.Connector.DirectLine.Streaming;

/// <summary>
/// Turns the store's cross-instance append notifications into stream hints, so an activity appended
/// by another instance (PostgreSQL LISTEN/NOTIFY) reaches a socket held by this one. With SQLite
/// (one instance) the notifications are a no-op and local publishing does all the work.
/// </summary>
public sealed class ActivityNotificationsBridge(IActivityNotifications notifications, IDirectLineBroadcaster broadcaster) : IHostedService, IDisposable
{
    private IDisposable? _subscription;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = notifications.Subscribe((conversationId, position) =>
        {
            broadcaster.Publish(conversationId, StreamedActivity.Hint(position));
            return Task.CompletedTask;
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _subscription?.Dispose();
        _subscription = null;
    }
}
