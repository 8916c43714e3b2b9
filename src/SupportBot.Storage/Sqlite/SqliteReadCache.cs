namespace SupportBot.Storage.Sqlite;

/// <summary>
/// Rows of active conversations kept in memory after they were read or written, so the hot path (every
/// Direct Line request looks up its conversation; every turn loads its state) does not take SQLite's
/// shared-memory locks. Single-instance only (the SQLite engine: every write passes through this process).
/// </summary>
/// <remarks>
/// A row read from the file is remembered only if no write to the cache happened while it was being read
/// (a generation counter checked under the lock), so a slow reader can never put back an older row than
/// a write that committed meanwhile. Writers update the cache after their commit. Bounded: when full it
/// is emptied and refills from the next reads.
/// </remarks>
internal sealed class SqliteReadCache<TValue>(int capacity) where TValue : class
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TValue> _rows = new(StringComparer.Ordinal);
    private long _generation;

    public bool TryGet(string key, out TValue value)
    {
        lock (_gate)
        {
            return _rows.TryGetValue(key, out value!);
        }
    }

    /// <summary>Read before going to the file; pass it to <see cref="RememberRead"/>.</summary>
    public long Generation
    {
        get
        {
            lock (_gate)
            {
                return _generation;
            }
        }
    }

    /// <summary>Remembers a row read from the file, unless a write happened since <paramref name="generation"/>.</summary>
    public void RememberRead(string key, TValue value, long generation)
    {
        lock (_gate)
        {
            if (_generation == generation)
            {
                Put(key, value);
            }
        }
    }

    /// <summary>After a commit: the row as written (or null when the write's outcome is not known exactly: forget it).</summary>
    public void Written(string key, TValue? value, Func<TValue, TValue, bool>? isNewer = null)
    {
        lock (_gate)
        {
            _generation++;
            if (value is null)
            {
                _rows.Remove(key);
            }
            else if (isNewer is null || !_rows.TryGetValue(key, out var held) || isNewer(value, held))
            {
                Put(key, value);
            }
        }
    }

    private void Put(string key, TValue value)
    {
        if (_rows.Count >= capacity && !_rows.ContainsKey(key))
        {
            _rows.Clear();
        }
        _rows[key] = value;
    }
}
