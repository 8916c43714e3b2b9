using Microsoft.Data.Sqlite;
using SupportBot.Storage.Sqlite;

namespace SupportBot.Storage.Tests.Sqlite;

/// <summary>
/// Recent activities served from memory by the SQLite activity log: the same answers as the file, read
/// from memory for recent watermarks of active conversations and from the file for anything older.
/// </summary>
public sealed class SqliteRecentActivitiesTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "supportbot-recent-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task RecentWatermark_IsAnsweredFromMemory_OlderFromTheFile()
    {
        using var database = SqliteDatabase.Open(_dataDir);
        var log = new SqliteActivityLog(database);
        for (var i = 1; i <= 40; i++)
        {
            await log.AppendAsync("c", p => $"{{\"p\":{p}}}", CancellationToken.None);
        }
        // Everything, from the file (older than the window), in order.
        var all = await log.ReadAfterAsync("c", 0, 100, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 40).Select(p => (long)p), all.Select(a => a.Position));

        // Rows removed behind the store's back: a recent watermark still answers (memory), an old one does not (file).
        Execute(database.FilePath, "DELETE FROM directline_activity WHERE conversation_id = 'c';");
        var recent = await log.ReadAfterAsync("c", 35, 100, CancellationToken.None);
        Assert.Equal(["{\"p\":36}", "{\"p\":37}", "{\"p\":38}", "{\"p\":39}", "{\"p\":40}"], recent.Select(a => a.Json));
        Assert.Empty(await log.ReadAfterAsync("c", 40, 100, CancellationToken.None));
        Assert.Equal(2, (await log.ReadAfterAsync("c", 35, 2, CancellationToken.None)).Count);
        Assert.Empty(await log.ReadAfterAsync("c", 0, 100, CancellationToken.None));
    }

    [Fact]
    public async Task ManyNewConversationsAtOnce_EvictWhileOthersAppend_WithoutFailingAnAppend()
    {
        // Found by the turn benchmark: eviction copied the window dictionary while other appends added conversations,
        // the copy threw, and a turn's replies were committed but reported as failed (the tight version is below).
        using var database = SqliteDatabase.Open(_dataDir);
        var log = new SqliteActivityLog(database);
        const int workers = 8;
        const int conversationsEach = 400; // 3,200 conversations: far over the 512 held, so eviction runs often
        var appends = Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < conversationsEach; i++)
            {
                await log.AppendAsync($"w{w}-c{i}", _ => "{}", CancellationToken.None);
            }
        }));
        await Task.WhenAll(appends).WaitAsync(Patience);

        Assert.Equal([1L], (await log.ReadAfterAsync("w0-c0", 0, 10, CancellationToken.None)).Select(a => a.Position));
        Assert.Equal([1L], (await log.ReadAfterAsync($"w{workers - 1}-c{conversationsEach - 1}", 0, 10, CancellationToken.None)).Select(a => a.Position));
    }

    [Fact]
    public void EvictionRacingAdds_NeverThrows()
    {
        // The same race, tight: dedicated threads (not the pool's two) add new conversations while one of them evicts.
        var recent = new SqliteRecentActivities(conversations: 256, activitiesPerConversation: 2);
        var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
        {
            try
            {
                for (var i = 0; i < 20_000; i++)
                {
                    recent.Add($"t{t}-c{i}", new LoggedActivity(1, "{}"));
                }
            }
            catch (Exception ex)
            {
                failures.Enqueue(ex);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        Assert.All(threads, t => Assert.True(t.Join(Patience)));

        Assert.Empty(failures);
        // Still bounded and still serving: the newest conversation is held.
        recent.Add("last", new LoggedActivity(1, "{}"));
        Assert.Single(recent.TryReadAfter("last", 0, 10)!);
    }

    [Fact]
    public async Task ConversationNotHeld_IsReadFromTheFile()
    {
        using (var first = SqliteDatabase.Open(_dataDir))
        {
            var log = new SqliteActivityLog(first);
            await log.AppendAsync("c", _ => "{\"a\":1}", CancellationToken.None);
            await log.AppendAsync("c", _ => "{\"a\":2}", CancellationToken.None);
        }
        // A restarted process holds nothing yet: it reads the file, then remembers what it appends itself.
        using var reopened = SqliteDatabase.Open(_dataDir);
        var again = new SqliteActivityLog(reopened);
        Assert.Equal([1L, 2L], (await again.ReadAfterAsync("c", 0, 10, CancellationToken.None)).Select(a => a.Position));
        await again.AppendAsync("c", _ => "{\"a\":3}", CancellationToken.None);
        Assert.Equal([1L, 2L, 3L], (await again.ReadAfterAsync("c", 0, 10, CancellationToken.None)).Select(a => a.Position));
        Assert.Equal([3L], (await again.ReadAfterAsync("c", 2, 10, CancellationToken.None)).Select(a => a.Position));
    }

    [Fact]
    public async Task ConcurrentAppendersAndPollers_NeverSeeAGapOrAnActivityTheFileLacks()
    {
        using var database = SqliteDatabase.Open(_dataDir);
        var log = new SqliteActivityLog(database);
        const int Conversations = 8;
        const int PerConversation = 60;
        using var done = new CancellationTokenSource();
        var writers = Enumerable.Range(0, Conversations).Select(c => Task.Run(async () =>
        {
            // Two appenders per conversation, so commits and cache updates interleave.
            await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
            {
                for (var i = 0; i < PerConversation / 2; i++)
                {
                    await log.AppendAsync("c" + c, p => $"{{\"p\":{p}}}", CancellationToken.None);
                }
            })));
        })).ToList();
        var pollers = Enumerable.Range(0, Conversations).Select(c => Task.Run(async () =>
        {
            long watermark = 0;
            while (watermark < PerConversation)
            {
                var page = await log.ReadAfterAsync("c" + c, watermark, 7, CancellationToken.None);
                foreach (var activity in page)
                {
                    Assert.Equal(watermark + 1, activity.Position);
                    Assert.Equal($"{{\"p\":{activity.Position}}}", activity.Json);
                    watermark = activity.Position;
                }
                if (page.Count == 0)
                {
                    await Task.Yield();
                }
            }
            return watermark;
        })).ToList();
        await Task.WhenAll(writers).WaitAsync(Patience);
        Assert.All(await Task.WhenAll(pollers).WaitAsync(Patience), w => Assert.Equal(PerConversation, w));
    }

    private static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }
}
