using System.Collections.Concurrent;

namespace SupportBot.Storage.Sqlite;

/// <summary>
/// The most recent activities of the most recently active conversations, in memory, so that Direct Line's
/// <c>GET …/activities?watermark=</c> and stream replay of an active conversation do not touch SQLite.
/// </summary>
/// <remarks>
/// Single-instance only, which is why it lives in the SQLite engine: the SQLite engine is one SupportBot
/// process per data directory, so every append passes through <see cref="SqliteActivityLog"/> here. (With
/// PostgreSQL another instance can append to the same conversation; that engine reads its own log.)
/// Each conversation keeps a window of consecutive positions <c>[first, last]</c> that is known complete:
/// an activity is added only after its commit and only if it is <c>last + 1</c>; anything else (a gap,
/// a conversation not held, a watermark older than the window) is read from the database. Bounded: at
/// most <see cref="ActivitiesPerConversation"/> per conversation and about <see cref="Conversations"/>
/// conversations, the least recently used evicted first.
/// </remarks>
internal sealed class SqliteRecentActivities(int conversations = SqliteRecentActivities.Conversations, int activitiesPerConversation = SqliteRecentActivities.ActivitiesPerConversation)
{
    /// <summary>Default number of conversations held.</summary>
    public const int Conversations = 512;

    /// <summary>Default number of recent activities held per conversation.</summary>
    public const int ActivitiesPerConversation = 32;

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private long _clock;
    private int _evicting;

    /// <summary>Records a committed append (called after the commit that holds it).</summary>
    public void Add(string conversationId, LoggedActivity activity)
    {
        var window = _windows.GetOrAdd(conversationId, static _ => new Window());
        window.Add(activity, activitiesPerConversation, Interlocked.Increment(ref _clock));
        if (_windows.Count > conversations)
        {
            EvictLeastRecent();
        }
    }

    /// <summary>
    /// The activities after <paramref name="watermark"/> (at most <paramref name="max"/>) when the window
    /// covers everything after it; null when the database must answer.
    /// </summary>
    public IReadOnlyList<LoggedActivity>? TryReadAfter(string conversationId, long watermark, int max) =>
        _windows.TryGetValue(conversationId, out var window)
            ? window.TryReadAfter(watermark, max, Interlocked.Increment(ref _clock))
            : null;

    private void EvictLeastRecent()
    {
        // One thread trims at a time; it drops the oldest eighth so trimming is rare.
        if (Interlocked.Exchange(ref _evicting, 1) == 1)
        {
            return;
        }
        try
        {
            var excess = _windows.Count - conversations;
            if (excess <= 0)
            {
                return;
            }
            var drop = excess + (conversations / 8);
            // Snapshot by enumerating (safe while others add): OrderBy on the dictionary itself would copy it through
            // ICollection.CopyTo, which throws when a concurrent Add changes the count between sizing and copying.
            var byLastUse = new List<KeyValuePair<string, long>>(_windows.Count + 16);
            foreach (var (conversationId, window) in _windows)
            {
                byLastUse.Add(new(conversationId, window.LastUsed));
            }
            byLastUse.Sort(static (a, b) => a.Value.CompareTo(b.Value));
            foreach (var (stale, _) in byLastUse.Take(drop))
            {
                _windows.TryRemove(stale, out _);
            }
        }
        finally
        {
            Volatile.Write(ref _evicting, 0);
        }
    }

    private sealed class Window
    {
        private readonly Lock _gate = new();
        private readonly Queue<LoggedActivity> _activities = new();
        private long _last;

        public long LastUsed { get; private set; }

        public void Add(LoggedActivity activity, int capacity, long now)
        {
            lock (_gate)
            {
                LastUsed = now;
                if (_activities.Count > 0 && activity.Position <= _last)
                {
                    return; // already held
                }
                if (_activities.Count > 0 && activity.Position != _last + 1)
                {
                    // A gap (an append whose caller has not reported yet): restart from here; the
                    // older positions are read from the database.
                    _activities.Clear();
                }
                _activities.Enqueue(activity);
                _last = activity.Position;
                while (_activities.Count > capacity)
                {
                    _activities.Dequeue();
                }
            }
        }

        public IReadOnlyList<LoggedActivity>? TryReadAfter(long watermark, int max, long now)
        {
            lock (_gate)
            {
                LastUsed = now;
                if (_activities.Count == 0 || watermark < _activities.Peek().Position - 1)
                {
                    return null; // older than the window: the database has it
                }
                var result = new List<LoggedActivity>();
                foreach (var activity in _activities)
                {
                    if (activity.Position > watermark)
                    {
                        if (result.Count == max)
                        {
                            break;
                        }
                        result.Add(activity);
                    }
                }
                return result;
            }
        }
    }
}
