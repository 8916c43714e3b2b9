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
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private SqliteSession? _writer;
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
    }

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

    /// <summary>Runs <paramref name="work"/> on the writer session, one write at a time in this process.</summary>
    internal async Task<T> WriteAsync<T>(Func<SqliteSession, T> work, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _writer ??= new SqliteSession(_connectionString, _busyTimeoutMs);
            return work(_writer);
        }
        catch
        {
            // The failed transaction was rolled back by its using; start clean anyway.
            _writer?.Dispose();
            _writer = null;
            throw;
        }
        finally
        {
            _writeGate.Release();
        }
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
        _writer?.Dispose();
        _writer = null;
        while (_idle.TryTake(out var session))
        {
            session.Dispose();
        }
    }
}
