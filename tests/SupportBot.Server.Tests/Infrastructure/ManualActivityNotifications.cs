using SupportBot.Storage;

namespace SupportBot.Server.Tests.Infrastructure;

/// <summary>Notifications the test raises by hand, standing in for another instance's appends.</summary>
public sealed class ManualActivityNotifications : IActivityNotifications
{
    private readonly List<Func<string, long, Task>> _handlers = [];

    public List<string> Watched { get; } = [];

    public IDisposable Subscribe(Func<string, long, Task> handler)
    {
        lock (_handlers)
        {
            _handlers.Add(handler);
        }
        return new Unsubscriber(() => { lock (_handlers) { _handlers.Remove(handler); } });
    }

    public IDisposable Watch(string conversationId)
    {
        lock (Watched)
        {
            Watched.Add(conversationId);
        }
        return new Unsubscriber(() => { lock (Watched) { Watched.Remove(conversationId); } });
    }

    public async Task RaiseAsync(string conversationId, long position)
    {
        Func<string, long, Task>[] handlers;
        lock (_handlers)
        {
            handlers = [.. _handlers];
        }
        foreach (var handler in handlers)
        {
            await handler(conversationId, position);
        }
    }

    private sealed class Unsubscriber(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
