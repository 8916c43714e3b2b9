namespace SupportBot.Storage.Sqlite;

/// <summary>
/// Copies the WAL back into the database file on a background thread, so that no turn pays for it.
/// </summary>
/// <remarks>
/// SQLite's automatic checkpoint runs inside the commit that crosses the threshold (1,000 pages): that writer copies
/// the pages and fsyncs the database file while every queued write waits behind it, which showed as the slowest
/// turns. Here a PASSIVE checkpoint (never blocks the writer or readers; does what it can) runs on its own
/// connection after every <see cref="BatchesPerCheckpoint"/> commits, or within <see cref="IdleInterval"/> of the
/// last commit. The writer's own automatic checkpoint stays on at a much larger WAL as a safety net.
/// </remarks>
internal sealed class SqliteCheckpointer : IDisposable
{
    /// <summary>Commits between two checkpoints under load (a batch appends a handful of pages).</summary>
    public const int BatchesPerCheckpoint = 128;

    /// <summary>After a quiet spell, the WAL is checkpointed this long after the last commit.</summary>
    public static readonly TimeSpan IdleInterval = TimeSpan.FromSeconds(1);

    private readonly Func<SqliteSession> _openSession;
    private readonly SemaphoreSlim _due = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _commitsSeen;
    private long _commits;
    private long _checkpoints;
    private int _disposed;

    public SqliteCheckpointer(Func<SqliteSession> openSession)
    {
        _openSession = openSession;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Checkpoints run so far (tests and diagnostics).</summary>
    public long Checkpoints => Interlocked.Read(ref _checkpoints);

    /// <summary>Called by the writer after each commit.</summary>
    public void Committed()
    {
        if (Interlocked.Increment(ref _commits) % BatchesPerCheckpoint == 0 && _due.CurrentCount == 0)
        {
            try
            {
                _due.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another commit signalled first: one checkpoint covers both.
            }
        }
    }

    private async Task RunAsync()
    {
        SqliteSession? session = null;
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                await _due.WaitAsync(IdleInterval, _stop.Token).ConfigureAwait(false);
                var commits = Interlocked.Read(ref _commits);
                if (commits == _commitsSeen)
                {
                    continue;
                }
                _commitsSeen = commits;
                try
                {
                    session ??= _openSession();
                    session.Command("PRAGMA wal_checkpoint(PASSIVE);").ExecuteNonQuery();
                    Interlocked.Increment(ref _checkpoints);
                }
                catch (Microsoft.Data.Sqlite.SqliteException)
                {
                    // Busy or I/O trouble: the next round (or the writer's safety net) checkpoints instead.
                    session?.Dispose();
                    session = null;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            session?.Dispose();
        }
    }

    /// <summary>Stops the loop (waits for a running checkpoint) and closes its connection.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        _stop.Cancel();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
            // The loop only ends by cancellation; nothing to report.
        }
        _stop.Dispose();
        _due.Dispose();
    }
}
