using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using Npgsql;

namespace SupportBot.Storage.PostgreSql;

/// <summary>
/// Cross-instance <see cref="IActivityNotifications"/> over PostgreSQL LISTEN/NOTIFY. Every append of
/// <see cref="PostgreSqlActivityLog"/> runs <c>pg_notify('supportbot_directline', 'conversationId:position')</c>
/// in its transaction; this class keeps one dedicated, unpooled connection LISTENing on that channel,
/// reconnects when it drops and then catches up the <see cref="Watch">watched</see> conversations from
/// <c>directline_activity_counter</c> (notifications sent while disconnected are lost by PostgreSQL).
/// </summary>
public sealed class PostgreSqlActivityNotifications : IActivityNotifications, IAsyncDisposable, IDisposable
{
    /// <summary>The LISTEN/NOTIFY channel name.</summary>
    public const string Channel = "supportbot_directline";

    private const string CatchUpSql = "SELECT conversation_id, last_position FROM directline_activity_counter WHERE conversation_id = ANY($1);";

    private readonly PostgreSqlDatabase _database;
    private readonly NpgsqlDataSource _listenSource;
    private readonly TimeProvider _timeProvider;
    private readonly Channel<(string ConversationId, long Position)> _queue =
        System.Threading.Channels.Channel.CreateUnbounded<(string, long)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<Subscription, bool> _handlers = new();
    private readonly ConcurrentDictionary<string, int> _watched = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _listenLoop;
    private readonly Task _dispatchLoop;
    private TaskCompletionSource _listening = NewSignal();
    private int _disposed;

    /// <summary>Starts listening on <paramref name="database"/> (a background task; see <see cref="WaitUntilListeningAsync"/>).</summary>
    /// <param name="database">The database whose activity log notifies.</param>
    /// <param name="reconnectDelay">Pause before reconnecting after the connection failed. Default 1 s.</param>
    /// <param name="probeInterval">Idle time after which the connection is probed (<c>SELECT 1</c>) so a dead peer is noticed. Default 30 s.</param>
    /// <param name="timeProvider">Clock for the delays. Default <see cref="TimeProvider.System"/>.</param>
    public PostgreSqlActivityNotifications(PostgreSqlDatabase database, TimeSpan? reconnectDelay = null, TimeSpan? probeInterval = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        ReconnectDelay = reconnectDelay ?? TimeSpan.FromSeconds(1);
        ProbeInterval = probeInterval ?? TimeSpan.FromSeconds(30);
        _timeProvider = timeProvider ?? TimeProvider.System;
        // Unpooled and separately named: a LISTEN session must not go back to the pool, and
        // operators can tell the listener apart in pg_stat_activity.
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            Pooling = false,
            ApplicationName = "SupportBot.Listener",
            MaxAutoPrepare = 0,
        };
        _listenSource = NpgsqlDataSource.Create(builder.ConnectionString);
        _listenLoop = Task.Run(() => ListenLoopAsync(_stop.Token));
        _dispatchLoop = Task.Run(DispatchLoopAsync);
    }

    /// <summary>Pause before reconnecting.</summary>
    public TimeSpan ReconnectDelay { get; }

    /// <summary>Idle time after which the connection is probed.</summary>
    public TimeSpan ProbeInterval { get; }

    /// <summary>The backend process id of the listening connection, or <c>null</c> while disconnected.</summary>
    public int? BackendProcessId { get; private set; }

    /// <summary>How many times the listening connection has been (re)established.</summary>
    public int Connections { get; private set; }

    /// <inheritdoc />
    public IDisposable Subscribe(Func<string, long, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var subscription = new Subscription(handler, this);
        _handlers[subscription] = true;
        return subscription;
    }

    /// <inheritdoc />
    public IDisposable Watch(string conversationId)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        _watched.AddOrUpdate(conversationId, 1, (_, n) => n + 1);
        return new Watcher(conversationId, this);
    }

    /// <summary>Completes when a listening connection is established (immediately if one is).</summary>
    public Task WaitUntilListeningAsync(CancellationToken cancellationToken = default) =>
        Volatile.Read(ref _listening).Task.WaitAsync(cancellationToken);

    private async Task ListenLoopAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _listenSource.OpenConnectionAsync(stop).ConfigureAwait(false);
                connection.Notification += OnNotification;
                await ExecuteAsync(connection, $"LISTEN {Channel};", stop).ConfigureAwait(false);
                BackendProcessId = connection.ProcessID;
                Connections++;
                // After LISTEN, so an append committed in between is seen by one or the other (or both).
                await CatchUpAsync(stop).ConfigureAwait(false);
                Volatile.Read(ref _listening).TrySetResult();
                while (true)
                {
                    if (!await connection.WaitAsync(ProbeInterval, stop).ConfigureAwait(false))
                    {
                        await ExecuteAsync(connection, "SELECT 1;", stop).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception)
            {
                // Dropped (terminated backend, failover, network): fall through to reconnect.
            }
            finally
            {
                BackendProcessId = null;
                if (Volatile.Read(ref _listening).Task.IsCompleted)
                {
                    Volatile.Write(ref _listening, NewSignal());
                }
            }
            try
            {
                await Task.Delay(ReconnectDelay, _timeProvider, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        // Payload "conversationId:position"; the id is ours (no ':' expected) but split at the last one anyway.
        var payload = e.Payload;
        var colon = payload.LastIndexOf(':');
        if (colon > 0 && long.TryParse(payload.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var position))
        {
            _queue.Writer.TryWrite((payload[..colon], position));
        }
    }

    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        var watched = _watched.Keys.ToArray();
        if (watched.Length == 0)
        {
            return;
        }
        await using var command = _database.DataSource.CreateCommand(CatchUpSql);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = watched });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            _queue.Writer.TryWrite((reader.GetString(0), reader.GetInt64(1)));
        }
    }

    private async Task DispatchLoopAsync()
    {
        // One reader: handlers see notifications one at a time, in arrival order, off the socket's thread.
        await foreach (var (conversationId, position) in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            foreach (var subscription in _handlers.Keys)
            {
                try
                {
                    await subscription.Handler(conversationId, position).ConfigureAwait(false);
                }
#pragma warning disable CA1031 // a failing handler must not stop delivery to the others
                catch (Exception)
#pragma warning restore CA1031
                {
                }
            }
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _stop.CancelAsync().ConfigureAwait(false);
        await _listenLoop.ConfigureAwait(false);
        _queue.Writer.TryComplete();
        await _dispatchLoop.ConfigureAwait(false);
        await _listenSource.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    /// <inheritdoc />
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private sealed class Subscription(Func<string, long, Task> handler, PostgreSqlActivityNotifications owner) : IDisposable
    {
        public Func<string, long, Task> Handler { get; } = handler;

        public void Dispose() => owner._handlers.TryRemove(this, out _);
    }

    private sealed class Watcher(string conversationId, PostgreSqlActivityNotifications owner) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }
            // Decrement; remove the entry at zero (retry if another Watch raced us).
            while (owner._watched.TryGetValue(conversationId, out var n))
            {
                if (n <= 1 ? owner._watched.TryRemove(new KeyValuePair<string, int>(conversationId, n)) : owner._watched.TryUpdate(conversationId, n - 1, n))
                {
                    return;
                }
            }
        }
    }
}
