using System.Net.WebSockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.Storage;

namespace SupportBot.Connector.DirectLine.Streaming;

/// <summary>
/// Serves one Direct Line WebSocket: replays the log after the client's watermark (the whole history
/// when it has none), then forwards live activities, with empty keep-alive frames when idle.
/// Client frames (DirectLineJS pings are empty strings) are read and ignored.
/// </summary>
public sealed partial class DirectLineStreamSession(
    IActivityLog log,
    IDirectLineBroadcaster broadcaster,
    IActivityNotifications notifications,
    IOptions<DirectLineOptions> options,
    TimeProvider time,
    ILogger<DirectLineStreamSession> logger)
{
    private const int ReplayPageSize = 200;

    /// <summary>Runs the stream until the client leaves, a newer socket replaces it, or <paramref name="aborted"/> fires.</summary>
    public async Task RunAsync(WebSocket socket, string conversationId, long watermark, CancellationToken aborted)
    {
        // Subscribe before replaying so nothing published meanwhile falls between the two.
        using var subscription = broadcaster.Subscribe(conversationId);
        // Ask the store for cross-instance hints about this conversation while the socket is open.
        using var watch = notifications.Watch(conversationId);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted, subscription.Closed);
        var receiving = IgnoreClientFramesAsync(socket, stop);
        LogStreamOpened(logger, conversationId, watermark);
        try
        {
            var sent = await CatchUpAsync(socket, conversationId, watermark, long.MaxValue, stop.Token).ConfigureAwait(false);
            await ForwardLiveAsync(socket, subscription, sent, stop.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // Client gone, superseded or host stopping: the close below says which.
        }
        finally
        {
            await CloseAsync(socket, subscription.CloseReason).ConfigureAwait(false);
            await stop.CancelAsync().ConfigureAwait(false);
            await receiving.ConfigureAwait(false);
            LogStreamClosed(logger, conversationId, subscription.CloseReason ?? "client");
        }
    }

    private async Task<long> CatchUpAsync(WebSocket socket, string conversationId, long after, long upTo, CancellationToken cancellationToken)
    {
        while (after < upTo)
        {
            var page = await log.ReadAfterAsync(conversationId, after, ReplayPageSize, cancellationToken).ConfigureAwait(false);
            var wanted = page.Where(a => a.Position <= upTo).ToList();
            if (wanted.Count == 0)
            {
                break;
            }
            after = wanted[^1].Position;
            await SendAsync(socket, ActivitySetFrame.Build(wanted.Select(a => a.Json), after), cancellationToken).ConfigureAwait(false);
        }
        return after;
    }

    private async Task ForwardLiveAsync(WebSocket socket, DirectLineSubscription subscription, long sent, CancellationToken cancellationToken)
    {
        var reader = subscription.Activities;
        var keepAlive = options.Value.KeepAliveInterval;
        Task<bool>? readable = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            readable ??= reader.WaitToReadAsync(cancellationToken).AsTask();
            if (!readable.IsCompleted)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var quiet = Task.Delay(keepAlive, time, idle.Token);
                var first = await Task.WhenAny(readable, quiet).ConfigureAwait(false);
                await idle.CancelAsync().ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                if (first == quiet)
                {
                    // Idle: an empty frame keeps proxies from closing the socket (clients ignore it).
                    await SendAsync(socket, string.Empty, cancellationToken).ConfigureAwait(false);
                    continue;
                }
            }
            var more = await readable.ConfigureAwait(false);
            readable = null;
            if (!more)
            {
                return; // closed by the server (collision/overflow)
            }

            var batch = new List<string>();
            while (reader.TryRead(out var item))
            {
                if (item.IsTransient)
                {
                    if (item.Json is not null)
                    {
                        batch.Add(item.Json);
                    }
                }
                else if (item.Position == sent + 1 && item.Json is not null)
                {
                    batch.Add(item.Json);
                    sent = item.Position;
                }
                else if (item.Position > sent)
                {
                    // A hint from another instance, or published out of order: flush, then read the gap from the log.
                    if (batch.Count > 0)
                    {
                        await SendAsync(socket, ActivitySetFrame.Build(batch, sent), cancellationToken).ConfigureAwait(false);
                        batch.Clear();
                    }
                    sent = await CatchUpAsync(socket, subscription.ConversationId, sent, item.Position, cancellationToken).ConfigureAwait(false);
                }
                // Position <= sent: already delivered (by the replay or an earlier catch-up).
            }
            if (batch.Count > 0)
            {
                await SendAsync(socket, ActivitySetFrame.Build(batch, sent), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static Task SendAsync(WebSocket socket, string frame, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    private static async Task IgnoreClientFramesAsync(WebSocket socket, CancellationTokenSource stop)
    {
        var buffer = new byte[1024];
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, stop.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The session is ending anyway.
        }
        await stop.CancelAsync().ConfigureAwait(false);
    }

    private static async Task CloseAsync(WebSocket socket, string? reason)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            var status = reason is null ? WebSocketCloseStatus.NormalClosure : WebSocketCloseStatus.PolicyViolation;
            await socket.CloseOutputAsync(status, reason ?? "bye", timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // Best effort: the peer may already be gone.
        }
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Debug, Message = "Direct Line stream opened for {ConversationId} after watermark {Watermark}")]
    private static partial void LogStreamOpened(ILogger logger, string conversationId, long watermark);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Debug, Message = "Direct Line stream closed for {ConversationId} ({Reason})")]
    private static partial void LogStreamClosed(ILogger logger, string conversationId, string reason);
}
