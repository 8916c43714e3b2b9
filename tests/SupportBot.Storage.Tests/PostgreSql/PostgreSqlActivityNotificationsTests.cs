using System.Collections.Concurrent;
using SupportBot.Storage.PostgreSql;
using SupportBot.Testing;

namespace SupportBot.Storage.Tests.PostgreSql;

/// <summary>
/// LISTEN/NOTIFY fan-out between two <see cref="PostgreSqlStorage"/> objects (two pools, standing in
/// for two instances) on one database.
/// </summary>
public sealed class PostgreSqlActivityNotificationsTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private static CancellationToken Ct => CancellationToken.None;
    private readonly PostgreSqlTestDatabase _database = PostgreSqlTestDatabase.Create();

    [Fact]
    public async Task Append_OnOneInstance_RaisesNotificationOnTheOther()
    {
        await using var a = await PostgreSqlStorage.OpenAsync(_database.ConnectionString);
        await using var b = await PostgreSqlStorage.OpenAsync(_database.ConnectionString);
        var seen = new Recorder();
        using var subscription = b.Notifications.Subscribe(seen.Handle);
        await b.Notifications.WaitUntilListeningAsync().WaitAsync(Timeout);

        var id = Guid.NewGuid().ToString("N");
        for (var i = 0; i < 3; i++)
        {
            await a.ActivityLog.AppendAsync(id, p => $$"""{"p":{{p}}}""", Ct);
        }

        await seen.WaitForAsync(id, 3);
        Assert.Equal([1L, 2L, 3L], seen.Positions(id));
    }

    [Fact]
    public async Task RolledBackAppend_RaisesNothing()
    {
        await using var a = await PostgreSqlStorage.OpenAsync(_database.ConnectionString);
        await using var b = await PostgreSqlStorage.OpenAsync(_database.ConnectionString);
        var seen = new Recorder();
        using var subscription = b.Notifications.Subscribe(seen.Handle);
        await b.Notifications.WaitUntilListeningAsync().WaitAsync(Timeout);

        var failed = Guid.NewGuid().ToString("N");
        var marker = Guid.NewGuid().ToString("N");
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            a.ActivityLog.AppendAsync(failed, _ => throw new InvalidOperationException("render failed"), Ct));
        await a.ActivityLog.AppendAsync(marker, _ => "{}", Ct);

        // Notifications arrive in commit order: once the marker is here, a rolled-back one would have been too.
        await seen.WaitForAsync(marker, 1);
        Assert.Empty(seen.Positions(failed));
    }

    [Fact]
    public async Task ListenerDropped_ReconnectsAndCatchesUpWatchedConversations()
    {
        await using var a = await PostgreSqlStorage.OpenAsync(_database.ConnectionString);
        await using var bDatabase = await PostgreSqlDatabase.OpenAsync(_database.ConnectionString);
        // A long reconnect delay leaves a window in which appends can only be caught up, not heard live.
        await using var listener = new PostgreSqlActivityNotifications(bDatabase, reconnectDelay: TimeSpan.FromSeconds(2));
        var seen = new Recorder();
        using var subscription = listener.Subscribe(seen.Handle);
        var id = Guid.NewGuid().ToString("N");
        using var watch = listener.Watch(id);
        await listener.WaitUntilListeningAsync().WaitAsync(Timeout);
        await a.ActivityLog.AppendAsync(id, _ => "{}", Ct);
        await seen.WaitForAsync(id, 1);

        var pid = listener.BackendProcessId!.Value;
        Terminate(pid);
        await WaitUntilAsync(() => listener.BackendProcessId is null);
        await a.ActivityLog.AppendAsync(id, _ => "{}", Ct);
        await a.ActivityLog.AppendAsync(id, _ => "{}", Ct);

        // Raised by the catch-up after reconnecting (the NOTIFYs themselves were sent to nobody).
        await seen.WaitForPositionAsync(id, 3);
        Assert.Equal(2, listener.Connections);
        Assert.NotEqual(pid, listener.BackendProcessId);

        // Live notifications work again on the new connection.
        await a.ActivityLog.AppendAsync(id, _ => "{}", Ct);
        await seen.WaitForPositionAsync(id, 4);
    }

    [Fact]
    public async Task UnwatchedConversation_IsNotCaughtUp_AndHandlerErrorsDoNotStopDelivery()
    {
        await using var a = await PostgreSqlStorage.OpenAsync(_database.ConnectionString);
        await using var bDatabase = await PostgreSqlDatabase.OpenAsync(_database.ConnectionString);
        await using var listener = new PostgreSqlActivityNotifications(bDatabase, reconnectDelay: TimeSpan.FromSeconds(1));
        using var failing = listener.Subscribe((_, _) => throw new InvalidOperationException("handler bug"));
        var seen = new Recorder();
        using var subscription = listener.Subscribe(seen.Handle);
        var watched = Guid.NewGuid().ToString("N");
        var other = Guid.NewGuid().ToString("N");
        var watch = listener.Watch(watched);
        listener.Watch(other).Dispose();   // watched then released: not caught up
        await listener.WaitUntilListeningAsync().WaitAsync(Timeout);

        Terminate(listener.BackendProcessId!.Value);
        await WaitUntilAsync(() => listener.BackendProcessId is null);
        await a.ActivityLog.AppendAsync(other, _ => "{}", Ct);
        await a.ActivityLog.AppendAsync(watched, _ => "{}", Ct);
        await seen.WaitForPositionAsync(watched, 1);
        Assert.Empty(seen.Positions(other));
        watch.Dispose();
    }

    private void Terminate(int pid) =>
        _database.OnServer($"SELECT pg_terminate_backend({pid});");

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    public void Dispose() => _database.Dispose();

    /// <summary>Records every (conversation, position) raised.</summary>
    private sealed class Recorder
    {
        private readonly ConcurrentQueue<(string Id, long Position)> _seen = new();

        public Task Handle(string conversationId, long position)
        {
            _seen.Enqueue((conversationId, position));
            return Task.CompletedTask;
        }

        public long[] Positions(string id) => _seen.Where(s => s.Id == id).Select(s => s.Position).ToArray();

        public Task WaitForAsync(string id, int count) => WaitUntilAsync(() => Positions(id).Length >= count);

        public Task WaitForPositionAsync(string id, long position) => WaitUntilAsync(() => Positions(id).Contains(position));
    }
}
