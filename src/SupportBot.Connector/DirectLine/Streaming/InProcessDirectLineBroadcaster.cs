using System.Collections.Concurrent;

namespace SupportBot.Connector.DirectLine.Streaming;

/// <summary>The single-instance <see cref="IDirectLineBroadcaster"/>: a dictionary of open subscriptions.</summary>
public sealed class InProcessDirectLineBroadcaster : IDirectLineBroadcaster
{
    private readonly ConcurrentDictionary<string, DirectLineSubscription> _open = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public DirectLineSubscription Subscribe(string conversationId)
    {
        var subscription = new DirectLineSubscription(conversationId, Remove);
        _open.AddOrUpdate(conversationId, subscription, (_, older) =>
        {
            older.Close("collision");
            return subscription;
        });
        return subscription;
    }

    /// <inheritdoc />
    public void Publish(string conversationId, StreamedActivity activity)
    {
        if (_open.TryGetValue(conversationId, out var subscription))
        {
            subscription.Deliver(activity);
        }
    }

    private void Remove(DirectLineSubscription subscription) =>
        // Only remove the entry if it is still this subscription (a newer one may have replaced it).
        _open.TryRemove(new KeyValuePair<string, DirectLineSubscription>(subscription.ConversationId, subscription));
}
