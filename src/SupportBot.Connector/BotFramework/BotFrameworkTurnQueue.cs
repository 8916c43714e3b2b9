using System.Threading.Channels;
using Microsoft.Extensions.Options;
using SupportBot.Schema;

namespace SupportBot.Connector.BotFramework;

/// <summary>An accepted activity waiting for its turn, with its inbox entry (completed once the turn is over).</summary>
/// <param name="Activity">The authenticated activity.</param>
/// <param name="InboxEntryId">Its entry in the <see cref="Storage.IActivityInbox"/>; null when it has none.</param>
public readonly record struct BotFrameworkQueuedTurn(Activity Activity, long? InboxEntryId);

/// <summary>
/// The bounded queue between <c>/api/messages</c> (which answers 202 at once) and <see cref="BotFrameworkTurnWorker"/>.
/// One FIFO for all conversations, so arrival order per conversation is kept; a full queue refuses instead of
/// letting the HTTP request wait past the channel's timeout. Its capacity also bounds this instance's inbox entries.
/// </summary>
public sealed class BotFrameworkTurnQueue
{
    private readonly Channel<BotFrameworkQueuedTurn> _channel;

    /// <summary>Creates the queue with <see cref="BotFrameworkChannelOptions.QueueCapacity"/> slots.</summary>
    public BotFrameworkTurnQueue(IOptions<BotFrameworkChannelOptions> options)
    {
        Capacity = Math.Max(1, options.Value.QueueCapacity);
        _channel = Channel.CreateBounded<BotFrameworkQueuedTurn>(new BoundedChannelOptions(Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });
    }

    /// <summary>The number of slots.</summary>
    public int Capacity { get; }

    /// <summary>Slots free right now (a hint: others may take them meanwhile).</summary>
    public int FreeSlots => Math.Max(0, Capacity - _channel.Reader.Count);

    /// <summary>The worker's end.</summary>
    internal ChannelReader<BotFrameworkQueuedTurn> Reader => _channel.Reader;

    /// <summary>Queues an authenticated activity (with its inbox entry, if any); false when the queue is full.</summary>
    public bool TryEnqueue(Activity activity, long? inboxEntryId = null) => _channel.Writer.TryWrite(new BotFrameworkQueuedTurn(activity, inboxEntryId));
}
