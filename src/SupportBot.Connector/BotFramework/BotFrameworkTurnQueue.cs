using System.Threading.Channels;
using Microsoft.Extensions.Options;
using SupportBot.Schema;

namespace SupportBot.Connector.BotFramework;

/// <summary>
/// The bounded queue between <c>/api/messages</c> (which answers 202 at once) and <see cref="BotFrameworkTurnWorker"/>.
/// One FIFO for all conversations, so arrival order per conversation is kept; a full queue refuses instead of
/// letting the HTTP request wait past the channel's timeout.
/// </summary>
public sealed class BotFrameworkTurnQueue
{
    private readonly Channel<Activity> _channel;

    /// <summary>Creates the queue with <see cref="BotFrameworkChannelOptions.QueueCapacity"/> slots.</summary>
    public BotFrameworkTurnQueue(IOptions<BotFrameworkChannelOptions> options)
    {
        Capacity = Math.Max(1, options.Value.QueueCapacity);
        _channel = Channel.CreateBounded<Activity>(new BoundedChannelOptions(Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });
    }

    /// <summary>The number of slots.</summary>
    public int Capacity { get; }

    /// <summary>The worker's end.</summary>
    internal ChannelReader<Activity> Reader => _channel.Reader;

    /// <summary>Queues an authenticated activity; false when the queue is full.</summary>
    public bool TryEnqueue(Activity activity) => _channel.Writer.TryWrite(activity);
}
