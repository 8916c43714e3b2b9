using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Connector.DirectLine;
using SupportBot.Connector.DirectLine.Conversations;
using SupportBot.Connector.DirectLine.Streaming;
using SupportBot.Schema;
using SupportBot.Storage.Sqlite;

namespace SupportBot.Connector.Tests.DirectLineConversations;

/// <summary>
/// A turn's replies reach the log in one write and the stream in the turn's order (issue #9), on a real SQLite file
/// and the in-process broadcaster.
/// </summary>
public sealed class DirectLineOutboxBatchTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "supportbot-outbox-" + Guid.NewGuid().ToString("N"));
    private readonly SqliteDatabase _database;
    private readonly SqliteActivityLog _log;
    private readonly InProcessDirectLineBroadcaster _broadcaster = new();
    private readonly DirectLineOutbox _outbox;

    public DirectLineOutboxBatchTests()
    {
        _database = SqliteDatabase.Open(_dataDir);
        _log = new SqliteActivityLog(_database);
        _outbox = new DirectLineOutbox(_log, _broadcaster, Options.Create(new DirectLineOptions()),
            new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task SendManyAsync_TurnReplies_OneWriteConsecutiveIdsStreamedInOrder()
    {
        const string conversationId = "conv-batch";
        await _log.AppendAsync(conversationId, "web-1", _ => """{"type":"message","text":"user"}""", CancellationToken.None);
        using var subscription = _broadcaster.Subscribe(conversationId);
        var writesBefore = _database.CommittedWrites;

        var ids = await _outbox.SendManyAsync(conversationId,
            [new Activity(ActivityTypes.Message) { Text = "一つ目です。" }, new Activity(ActivityTypes.Typing), new Activity(ActivityTypes.Message) { Text = "二つ目です。" }],
            CancellationToken.None);

        Assert.Equal(1, _database.CommittedWrites - writesBefore);
        Assert.Equal($"{conversationId}|0000002", ids[0]);
        Assert.True(DirectLineIds.IsTransient(ids[1]));
        Assert.Equal($"{conversationId}|0000003", ids[2]);

        var logged = await _log.ReadAfterAsync(conversationId, 1, 10, CancellationToken.None);
        Assert.Equal([2L, 3L], logged.Select(l => l.Position));
        Assert.Equal(["一つ目です。", "二つ目です。"], logged.Select(l => JsonNode.Parse(l.Json)!["text"]!.GetValue<string>()));
        Assert.All(logged, l => Assert.Equal("bot", JsonNode.Parse(l.Json)!["from"]!["role"]!.GetValue<string>()));

        var streamed = new List<StreamedActivity>();
        while (subscription.Activities.TryRead(out var activity))
        {
            streamed.Add(activity);
        }
        Assert.Equal([2L, 0L, 3L], streamed.Select(s => s.Position));
        Assert.Equal(ids, streamed.Select(s => JsonNode.Parse(s.Json!)!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task SendAsync_TypingOnly_WritesNothing()
    {
        var writesBefore = _database.CommittedWrites;
        var id = await _outbox.SendAsync("conv-typing", new Activity(ActivityTypes.Typing), CancellationToken.None);
        Assert.True(DirectLineIds.IsTransient(id));
        Assert.Equal(writesBefore, _database.CommittedWrites);
        Assert.Empty(await _log.ReadAfterAsync("conv-typing", 0, 10, CancellationToken.None));
    }

    public void Dispose()
    {
        _database.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }
}
