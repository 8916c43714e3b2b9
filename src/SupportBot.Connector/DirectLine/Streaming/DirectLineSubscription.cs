using System.Threading.Channels;

namespace SupportBot.Connector.DirectLine.Streaming;

/// <summary>
/// One open stream's inbox. A reader that falls behind by more than the buffer is closed instead of
/// slowing writers down; the client reconnects with its watermark and replays from the log.
/// </summary>
public sealed class DirectLineSubscription : IDisposable
{
    /// <summary>How many activities may wait for a slow socket before it is cut off.</summary>
    public const int BufferSize = 1024;

    private readonly Channel<StreamedActivity> _inbox = Channel.CreateBounded<StreamedActivity>(
        new BoundedChannelOptions(BufferSize) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly CancellationTokenSource _closed = new();
    private readonly Action<DirectLineSubscription> _onDispose;

    internal DirectLineSubscription(string conversationId, Action<DirectLineSubscription> onDispose)
    {
        ConversationId = conversationId;
        _onDispose = onDispose;
    }

    /// <summary>The conversation this stream belongs to.</summary>
    public string ConversationId { get; }

    /// <summary>Activities delivered to this stream, in publish order.</summary>
    public ChannelReader<StreamedActivity> Activities => _inbox.Reader;

    /// <summary>Cancelled when the server closes this subscription (superseded or overflowed).</summary>
    public CancellationToken Closed => _closed.Token;

    /// <summary>Why the server closed it: <c>collision</c> or <c>overflow</c>; <c>null</c> while open.</summary>
    public string? CloseReason { get; private set; }

    internal void Deliver(StreamedActivity activity)
    {
        if (!_inbox.Writer.TryWrite(activity))
        {
            Close("overflow");
        }
    }

    internal void Close(string reason)
    {
        CloseReason ??= reason;
        _inbox.Writer.TryComplete();
        try
        {
            _closed.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already disposed by its reader.
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _onDispose(this);
        _inbox.Writer.TryComplete();
        _closed.Dispose();
    }
}
