using System.Text.Json;
using SupportBot.Builder.State;
using SupportBot.Schema;

namespace SupportBot.Builder.Tests;

public class ConversationTurnRunnerTests
{
    private readonly RecordingAdapter _adapter = new();
    private readonly InMemoryConversationStateStore _store = new();
    private readonly CountingBot _bot = new();
    private readonly ConversationTurnRunner _runner;

    public ConversationTurnRunnerTests() => _runner = new ConversationTurnRunner(_adapter, _store);

    private Task<ConversationTurnResult> Run(Activity activity) => _runner.RunTurnAsync(activity, _bot.OnTurnAsync);

    private int StoredCount(string conversationId = "conv-1")
    {
        using var doc = JsonDocument.Parse(_store.JsonOf(conversationId)!);
        return doc.RootElement.GetProperty("properties").GetProperty("counter").GetProperty("count").GetInt32();
    }

    [Fact]
    public async Task FiftyConcurrentPostsToOneConversationAreEachAnsweredOnceInLockOrder()
    {
        var inbound = Enumerable.Range(1, 50).Select(i => RecordingAdapter.Message($"m{i}", id: $"in-{i}")).ToList();

        var results = await Task.WhenAll(inbound.Select(a => Task.Run(() => Run(a))));

        Assert.All(results, r => Assert.Equal(TurnStatus.Processed, r.Status));
        var replies = _adapter.Messages;
        Assert.Equal(50, replies.Count);
        Assert.Equal(inbound.Select(a => a.Id).Order(), replies.Select(r => r.ReplyToId).Order());
        Assert.Equal(Enumerable.Range(1, 50), replies.Select(r => int.Parse(r.Text!.Split(':')[0])));
        Assert.Equal(50, StoredCount());
        Assert.Equal(0, _runner.BusyConversationCount);
    }

    [Fact]
    public async Task DifferentConversationsRunConcurrently()
    {
        var bothInside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var inside = 0;
        _bot.BeforeReply = async _ =>
        {
            if (Interlocked.Increment(ref inside) == 2)
            {
                bothInside.SetResult();
            }

            // Would time out if the second conversation waited for the first one's lock.
            await bothInside.Task.WaitAsync(TimeSpan.FromSeconds(10));
        };

        await Task.WhenAll(Run(RecordingAdapter.Message("a", conversationId: "A")), Run(RecordingAdapter.Message("b", conversationId: "B")));

        Assert.Equal(2, _adapter.Messages.Count);
    }

    [Fact]
    public async Task ConflictOnSaveReRunsTheTurnAndSendsRepliesOnce()
    {
        _store.InjectConflicts(1);

        var result = await Run(RecordingAdapter.Message("hello"));

        Assert.Equal(TurnStatus.Processed, result.Status);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(2, _bot.Runs);
        var reply = Assert.Single(_adapter.Messages);
        Assert.Equal("1:hello", reply.Text);
        Assert.Equal(1, StoredCount());
    }

    [Fact]
    public async Task ReRunStartsFromTheOriginalInboundActivity()
    {
        _store.InjectConflicts(1);
        _bot.BeforeReply = ctx =>
        {
            ctx.Activity.Text += "!";
            return Task.CompletedTask;
        };

        await Run(RecordingAdapter.Message("hi"));

        Assert.Equal("1:hi!", Assert.Single(_adapter.Messages).Text);
    }

    [Fact]
    public async Task PersistentConflictFailsLoudlyThroughTheErrorHandler()
    {
        _store.InjectConflicts(100);
        Exception? seen = null;
        _adapter.OnTurnError = (ctx, ex) =>
        {
            seen = ex;
            return ctx.SendActivityAsync("error");
        };

        var result = await Run(RecordingAdapter.Message("hello"));

        Assert.Equal(TurnStatus.Failed, result.Status);
        Assert.IsType<StateConflictException>(seen);
        Assert.Equal(5, _bot.Runs);
        Assert.Equal("error", Assert.Single(_adapter.Messages).Text);
    }

    [Fact]
    public async Task RedeliveredActivityIdIsAcknowledgedButNotProcessedAgain()
    {
        var first = await Run(RecordingAdapter.Message("hello", id: "same"));
        var second = await Run(RecordingAdapter.Message("hello", id: "same"));

        Assert.Equal(TurnStatus.Processed, first.Status);
        Assert.Equal(TurnStatus.Duplicate, second.Status);
        Assert.Single(_adapter.Messages);
        Assert.Equal(1, StoredCount());
    }

    [Fact]
    public async Task ProcessedIdsAreBounded()
    {
        var runner = new ConversationTurnRunner(_adapter, _store, options: new ConversationTurnRunnerOptions { ProcessedActivityIdCapacity = 3 });
        for (var i = 0; i < 5; i++)
        {
            await runner.RunTurnAsync(RecordingAdapter.Message("x", id: $"id-{i}"), _bot.OnTurnAsync);
        }

        using var doc = JsonDocument.Parse(_store.JsonOf("conv-1")!);
        var ids = doc.RootElement.GetProperty("processedActivityIds").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(["id-2", "id-3", "id-4"], ids);
    }

    [Fact]
    public async Task ConcurrentRedeliveriesAreProcessedOnce()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => Run(RecordingAdapter.Message("hello", id: "dup")))));

        Assert.Single(results, r => r.Status == TurnStatus.Processed);
        Assert.Single(_adapter.Messages);
    }

    [Fact]
    public async Task TypingGoesOutImmediatelyWhileMessagesWaitForTheSave()
    {
        var sentBeforeReply = -1;
        _bot.BeforeReply = async ctx =>
        {
            await ctx.SendActivityAsync(new Activity(ActivityTypes.Typing));
            await ctx.SendActivityAsync("working");
            sentBeforeReply = _adapter.Sent.Count;
        };

        await Run(RecordingAdapter.Message("hi"));

        Assert.Equal(1, sentBeforeReply); // only the typing had been delivered during the turn
        Assert.Equal([ActivityTypes.Typing, ActivityTypes.Message, ActivityTypes.Message], _adapter.Sent.Select(a => a.Type));
    }

    [Fact]
    public async Task StateSurvivesBetweenTurnsAsJson()
    {
        await Run(RecordingAdapter.Message("one"));
        await Run(RecordingAdapter.Message("two"));

        Assert.Equal("2:two", _adapter.Messages[^1].Text);
        Assert.Contains("\"seen\":[\"one\",\"two\"]", _store.JsonOf("conv-1"));
    }

    [Fact]
    public async Task ProactiveTurnUsesTheConversationState()
    {
        var inbound = RecordingAdapter.Message("one");
        await Run(inbound);
        var counter = new ConversationState().CreateProperty<CounterState>("counter");

        await _runner.ContinueConversationAsync(inbound.GetConversationReference(), async (ctx, ct) =>
        {
            var state = await counter.GetAsync(ctx, cancellationToken: ct);
            await ctx.SendActivityAsync($"count is {state!.Count}", cancellationToken: ct);
        });

        var proactive = _adapter.Messages[^1];
        Assert.Equal("count is 1", proactive.Text);
        Assert.Equal("user-1", proactive.Recipient!.Id);
        Assert.Equal("bot-1", proactive.From!.Id);
    }

    [Fact]
    public async Task ActivityWithoutConversationIsRejected()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Run(new Activity(ActivityTypes.Message) { Text = "x" }));
    }
}
