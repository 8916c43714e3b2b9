using System.Collections.Concurrent;
using SupportBot.Helpdesk.Relay;

namespace SupportBot.Helpdesk.Tests;

/// <summary>Stands in for the host's messenger: remembers what would have been posted to the user.</summary>
internal sealed class RecordingMessenger : IHelpdeskUserMessenger
{
    public ConcurrentQueue<HelpdeskUserNotice> Notices { get; } = new();

    public Task SendAsync(HelpdeskUserNotice notice, CancellationToken cancellationToken)
    {
        Notices.Enqueue(notice);
        return Task.CompletedTask;
    }
}
