using System.Net;
using Microsoft.Data.Sqlite;
using SupportBot.Connector.Tests.Infrastructure;
using SupportBot.Storage.Sqlite;

namespace SupportBot.Connector.Tests.BotFramework;

/// <summary>
/// Issue 8 at the endpoint, on a real Kestrel host with a real SQLite file: a 202 means the activity is in the inbox
/// until its turn is over; no inbox write, no 202; a full queue leaves nothing behind; left-overs run at start.
/// </summary>
public sealed class InboxEndpointTests : IAsyncDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "supportbot-bf-inbox-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task An_accepted_activity_stays_in_the_inbox_until_its_turn_is_over()
    {
        await using var channel = await HoldingChannel.StartAsync(hold: true);
        await using var host = await DurableBotHost.StartAsync(_dataDir);

        using var response = await host.PostAsync(TeamsActivities.Personal(channel.ServiceUrl, "a:held", "one").Json());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await channel.WaitForTextsAsync(1); // the turn is at its reply, which the channel holds

        Assert.Equal(1, await host.Inbox.CountAsync());
        channel.Release();
        Assert.True(await InboxEmptiesAsync(host), "the entry was not completed after the turn");
        Assert.Equal(["echo: one"], channel.Texts);
    }

    [Fact]
    public async Task When_the_inbox_cannot_be_written_the_answer_is_503_with_Retry_After_and_no_turn_runs()
    {
        await using var channel = await HoldingChannel.StartAsync(hold: false);
        await using var host = await DurableBotHost.StartAsync(_dataDir, inboxBusyTimeout: TimeSpan.FromMilliseconds(300));
        var activity = TeamsActivities.Personal(channel.ServiceUrl, "a:locked", "first").Json();

        // Another writer holds the database file's write lock: a real "database is locked" failure.
        await using (var blocker = new SqliteConnection($"Data Source={host.DatabaseFile};Pooling=False"))
        {
            await blocker.OpenAsync();
            await using var transaction = (SqliteTransaction)await blocker.BeginTransactionAsync(System.Data.IsolationLevel.Serializable);
            await using (var write = blocker.CreateCommand())
            {
                write.Transaction = transaction;
                write.CommandText = "CREATE TABLE held_lock (x INTEGER);";
                await write.ExecuteNonQueryAsync();
            }

            using var refused = await host.PostAsync(activity);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.NotNull(refused.Headers.RetryAfter);
            await transaction.RollbackAsync();
        }

        // The channel retries the same activity once the lock is gone: now it is accepted and answered, once.
        using var accepted = await host.PostAsync(activity);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        using var next = await host.PostAsync(TeamsActivities.Personal(channel.ServiceUrl, "a:locked", "second").Json());
        Assert.Equal(["echo: first", "echo: second"], await channel.WaitForTextsAsync(2));
        Assert.True(await InboxEmptiesAsync(host));
    }

    [Fact]
    public async Task A_full_queue_answers_503_and_leaves_no_inbox_entry_behind()
    {
        await using var channel = await HoldingChannel.StartAsync(hold: true);
        await using var host = await DurableBotHost.StartAsync(_dataDir, new Dictionary<string, string?>
        {
            ["BotFramework:QueueCapacity"] = "1",
            ["BotFramework:MaxConcurrentTurns"] = "1",
        });

        var accepted = new List<string>();
        var refused = 0;
        for (var i = 0; i < 6 && refused == 0; i++)
        {
            using var response = await host.PostAsync(TeamsActivities.Personal(channel.ServiceUrl, "a:full", $"m{i}").Json());
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                accepted.Add($"echo: m{i}");
                if (i == 0)
                {
                    await channel.WaitForTextsAsync(1); // the first turn now hangs at its reply
                }
            }
            else
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                Assert.NotNull(response.Headers.RetryAfter);
                refused++;
            }
        }

        Assert.Equal(1, refused);
        Assert.Equal(accepted.Count, await host.Inbox.CountAsync()); // one entry per 202, none for the 503
        channel.Release();
        Assert.Equal(accepted, await channel.WaitForTextsAsync(accepted.Count));
        Assert.True(await InboxEmptiesAsync(host));
    }

    [Fact]
    public async Task Left_overs_of_a_dead_process_run_at_start_in_order_and_stale_ones_are_dropped()
    {
        await using var channel = await HoldingChannel.StartAsync(hold: false);
        using (var previous = SqliteDatabase.Open(_dataDir))
        {
            // What a process killed after three 202s leaves behind, plus one accepted two days ago.
            var inbox = new SqliteActivityInbox(previous);
            var now = DateTimeOffset.UtcNow;
            await inbox.AddAsync("a:left", "stale", TeamsActivities.Personal(channel.ServiceUrl, "a:left", "stale").Json(), now.AddDays(-2));
            foreach (var text in new[] { "l1", "l2", "l3" })
            {
                var activity = TeamsActivities.Personal(channel.ServiceUrl, "a:left", text);
                await inbox.AddAsync("a:left", (string?)activity["id"], activity.Json(), now);
            }
        }

        await using var host = await DurableBotHost.StartAsync(_dataDir);

        Assert.Equal(["echo: l1", "echo: l2", "echo: l3"], await channel.WaitForTextsAsync(3));
        Assert.True(await InboxEmptiesAsync(host));
        Assert.Equal(3, channel.Messages.Count); // the stale one was dropped, not answered
    }

    [Fact]
    public async Task A_turn_whose_replies_cannot_be_delivered_is_completed_not_run_again()
    {
        await using var channel = await LocalChannel.StartAsync();
        for (var i = 0; i < 50; i++)
        {
            channel.Script.Enqueue((500, null)); // the channel refuses every reply (and the apology)
        }

        await using (var host = await DurableBotHost.StartAsync(_dataDir))
        {
            using var response = await host.PostAsync(TeamsActivities.Personal(channel.BaseAddress.ToString(), "a:undeliverable", "lost").Json());
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            Assert.True(await InboxEmptiesAsync(host), "a turn that threw after saving its state kept its entry");
        }

        var attempts = channel.Requests.Count;
        Assert.True(attempts > 0);
        await using var restarted = await DurableBotHost.StartAsync(_dataDir);
        Assert.Equal(0, await restarted.Inbox.CountAsync()); // nothing to recover: the restart does not try it again
        Assert.Equal(attempts, channel.Requests.Count);
    }

    private static async Task<bool> InboxEmptiesAsync(DurableBotHost host)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (await host.Inbox.CountAsync() > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }
            await Task.Delay(25);
        }
        return true;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}
