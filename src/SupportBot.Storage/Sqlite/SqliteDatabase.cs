using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace SupportBot.Storage.Sqlite;

/// <summary>
/// The SQLite database file behind every SQLite store: opens it (WAL), migrates the schema and
/// lends out pooled <see cref="SqliteSession"/>s.
/// </summary>
/// <remarks>
/// Microsoft.Data.Sqlite's own pool would reuse connections but not prepared statements, so the pool
/// lives here (ADO.NET pooling is switched off in the connection string). Writes go through one
/// long-lived writer session behind an async gate: SQLite allows one writer anyway, and queueing in
/// process (instead of several connections racing for the WAL lock) avoids the busy handler's sleeps
/// and keeps the writer's page cache warm. Readers use the pool.
/// </remarks>
public sealed class SqliteDatabase : IDisposable
{
    /// <summary>The database file name inside the data directory.</summary>
    public const string FileName = "supportbot.db";

    private const int MaxIdleSessions = 8;
    private const int MaxWritesPerBatch = 256;
    private const string Savepoint = "write";
    private readonly ConcurrentQueue<SqliteQueuedWrite> _writes = new();
    private int _draining;
    private long _committedBatches;
    private long _committedWrites;
    private SqliteSession? _writer;
    private readonly SqliteCheckpointer _checkpointer;
    private readonly ConcurrentBag<SqliteSession> _idle = [];
    private readonly string _connectionString;
    private readonly int _busyTimeoutMs;
    private int _idleCount;
    private bool _disposed;

    private SqliteDatabase(string filePath, TimeSpan busyTimeout)
    {
        FilePath = filePath;
        _busyTimeoutMs = (int)busyTimeout.TotalMilliseconds;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = filePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = Math.Max(1, (int)busyTimeout.TotalSeconds),
        }.ToString();
        _checkpointer = new SqliteCheckpointer(() => new SqliteSession(_connectionString, _busyTimeoutMs));
    }

    /// <summary>Background WAL checkpoints run so far (see <see cref="SqliteCheckpointer"/>).</summary>
    public long Checkpoints => _checkpointer.Checkpoints;

    /// <summary>Write transactions the writer has committed (each holds one or more writes).</summary>
    public long CommittedBatches => Interlocked.Read(ref _committedBatches);

    /// <summary>Writes committed so far; divided by <see cref="CommittedBatches"/>, the average batch size.</summary>
    public long CommittedWrites => Interlocked.Read(ref _committedWrites);

    /// <summary>Recent activities of active conversations, fed by <see cref="SqliteActivityLog"/> after each commit.</summary>
    internal SqliteRecentActivities RecentActivities { get; } = new();

    /// <summary>Direct Line conversations recently looked up or written (single instance: see <see cref="SqliteReadCache{TValue}"/>).</summary>
    internal SqliteReadCache<DirectLineConversation> Conversations { get; } = new(4096);

    /// <summary>Conversation states recently loaded or written, with their versions.</summary>
    internal SqliteReadCache<StoredState> States { get; } = new(1024);

    /// <summary>The full path of the database file.</summary>
    public string FilePath { get; }

    /// <summary>
    /// Opens (creating if needed) <see cref="FileName"/> under <paramref name="dataDirectory"/>,
    /// switches it to WAL and applies any pending migrations.
    /// </summary>
    public static SqliteDatabase Open(string dataDirectory, TimeSpan? busyTimeout = null)
    {
        Directory.CreateDirectory(dataDirectory);
        var database = new SqliteDatabase(Path.Combine(Path.GetFullPath(dataDirectory), FileName), busyTimeout ?? TimeSpan.FromSeconds(10));
        try
        {
            database.Migrate();
            return database;
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    /// <summary>Applies pending migrations (safe to repeat); returns the schema version afterwards.</summary>
    public int Migrate() => Run(SqliteMigrator.Migrate);

    /// <summary>The highest migration step recorded in the file.</summary>
    public int SchemaVersion() => Run(session => Convert.ToInt32(
        session.Command("SELECT COALESCE(MAX(version), 0) FROM schema_version;").ExecuteScalar(),
        System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The number of migration steps this build knows.</summary>
    public static int LatestSchemaVersion => SqliteMigrations.Latest;

    /// <summary>
    /// Queues <paramref name="work"/> for the writer session. The writer drains every write waiting in
    /// the queue and commits them in one transaction (group commit: one WAL append and one lock cycle
    /// for N concurrent writes); each write runs inside its own savepoint, so one that throws is rolled
    /// back alone and the others still commit. The returned task completes only after the commit that
    /// holds the write, so durability is what it was with one transaction per write.
    /// </summary>
    internal Task<T> WriteAsync<T>(Func<SqliteSession, T> work, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var write = new SqliteQueuedWrite<T>(work, cancellationToken);
        _writes.Enqueue(write);
        if (Interlocked.CompareExchange(ref _draining, 1, 0) == 0)
        {
            // The caller that finds the writer idle commits one batch on its own thread (no hop when
            // the load is light); anything queued meanwhile is drained on the pool.
            CommitBatch();
            ReleaseWriter();
        }
        return write.Task;
    }

    private void DrainOnPool()
    {
        while (!_writes.IsEmpty)
        {
            CommitBatch();
        }
        ReleaseWriter();
    }

    private void ReleaseWriter()
    {
        Volatile.Write(ref _draining, 0);
        // A write queued after the last batch but before the release must not be stranded.
        if (!_writes.IsEmpty && Interlocked.CompareExchange(ref _draining, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static database => database.DrainOnPool(), this, preferLocal: false);
        }
    }

    private void CommitBatch()
    {
        var batch = new List<SqliteQueuedWrite>();
        while (batch.Count < MaxWritesPerBatch && _writes.TryDequeue(out var queued))
        {
            if (queued.IsCancelled)
            {
                queued.Fail(new OperationCanceledException());
            }
            else if (_disposed)
            {
                queued.Fail(new ObjectDisposedException(nameof(SqliteDatabase)));
            }
            else
            {
                batch.Add(queued);
            }
        }
        if (batch.Count == 0)
        {
            return;
        }

        var committed = new List<SqliteQueuedWrite>(batch.Count);
        try
        {
            _writer ??= new SqliteSession(_connectionString, _busyTimeoutMs, SqliteSessionRole.Writer);
            // BEGIN IMMEDIATE takes the file's write lock first (other processes, module connections).
            using var transaction = _writer.Connection.BeginTransaction(deferred: false);
            _writer.Transaction = transaction;
            try
            {
                foreach (var write in batch)
                {
                    if (RunInSavepoint(transaction, write, alone: batch.Count == 1))
                    {
                        committed.Add(write);
                    }
                }
                transaction.Commit();
                _checkpointer.Committed();
                Interlocked.Increment(ref _committedBatches);
                Interlocked.Add(ref _committedWrites, committed.Count);
            }
            finally
            {
                _writer.Transaction = null;
            }
        }
        catch (Exception ex)
        {
            // The transaction (or its commit) failed: nothing in this batch is durable.
            foreach (var write in batch)
            {
                write.Fail(ex);
            }
            _writer?.Dispose();
            _writer = null;
            return;
        }
        foreach (var write in committed)
        {
            write.Complete();
        }
    }

    /// <summary>Runs one write; false (and the caller's task failed) when it threw and was rolled back alone.</summary>
    private bool RunInSavepoint(Microsoft.Data.Sqlite.SqliteTransaction transaction, SqliteQueuedWrite write, bool alone)
    {
        if (alone)
        {
            // A batch of one needs no savepoint: if it throws, the whole transaction is rolled back.
            write.Run(_writer!);
            return true;
        }
        transaction.Save(Savepoint);
        try
        {
            write.Run(_writer!);
        }
        catch (Exception ex)
        {
            transaction.Rollback(Savepoint);
            transaction.Release(Savepoint);
            write.Fail(ex);
            return false;
        }
        transaction.Release(Savepoint);
        return true;
    }

    /// <summary>Runs <paramref name="work"/> on a pooled session.</summary>
    internal T Run<T>(Func<SqliteSession, T> work)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var session = Rent();
        try
        {
            var result = work(session);
            Return(session);
            return result;
        }
        catch
        {
            // A failed session may hold a half-finished transaction: never reuse it.
            session.Dispose();
            throw;
        }
    }

    private SqliteSession Rent()
    {
        if (_idle.TryTake(out var session))
        {
            Interlocked.Decrement(ref _idleCount);
            return session;
        }
        return new SqliteSession(_connectionString, _busyTimeoutMs);
    }

    private void Return(SqliteSession session)
    {
        if (_disposed || Interlocked.Increment(ref _idleCount) > MaxIdleSessions)
        {
            Interlocked.Decrement(ref _idleCount);
            session.Dispose();
            return;
        }
        _idle.Add(session);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed = true;
        _checkpointer.Dispose();
        _writer?.Dispose();
        _writer = null;
        while (_idle.TryTake(out var session))
        {
            session.Dispose();
        }
    }
}
