using System.Text.Json;
using SupportBot.Schema;
using SupportBot.Storage;

namespace SupportBot.Builder.Tests;

/// <summary>
/// Two runners standing for two instances: one state store and one injected <see cref="IConversationLockProvider"/>
/// (PostgreSQL's in production; the in-process one here, shared by both). Turns are serialised across them.
/// </summary>
public class SharedConversationLockTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);
    private readonly InMemoryConversationStateStore _store = new();
    private readonly InProcessConversationLockProvider _locks = new();
    private readonly CountingBot _bot = new();
    private readonly RecordingAdapter _adapterA = new();
    private readonly RecordingAdapter _adapterB = new();
    private readonly ConversationTurnRunner _runnerA;
    private readonly ConversationTurnRunner _runnerB;

    public SharedConversationLockTests()
    {
        _runnerA = new ConversationTurnRunner(_adapterA, _store, locks: _locks);
        _runnerB = new ConversationTurnRunner(_adapterB, _store, locks: _locks);
    }

    [Fact]
    public async Task SameActivityRedeliveredToBothInstancesAtOnce_RunsAndAnswersOnce()
    {
        var results = await Task.WhenAll(
            Task.Run(() => _runnerA.RunTurnAsync(RecordingAdapter.Message("hello", id: "in-1"), _bot.OnTurnAsync)),
            Task.Run(() => _runnerB.RunTurnAsync(RecordingAdapter.Message("hello", id: "in-1"), _bot.OnTurnAsync)));

        Assert.Single(results, r => r.Status == TurnStatus.Processed);
        Assert.Single(results, r => r.Status == TurnStatus.Duplicate);
        Assert.Equal(1, _bot.Runs);
        Assert.Single(_adapterA.Messages.Concat(_adapterB.Messages));
    }

    [Fact]
    public async Task FiftyMessagesSplitAcrossBothInstances_EachAnsweredOnce_NoLostUpdate()
    {
        var runs = Enumerable.Range(1, 50).Select(i => Task.Run(() =>
            (i % 2 == 0 ? _runnerA : _runnerB).RunTurnAsync(RecordingAdapter.Message($"m{i}", id: $"in-{i}"), _bot.OnTurnAsync)));

        var results = await Task.WhenAll(runs);

        Assert.All(results, r => Assert.Equal(TurnStatus.Processed, r.Status));
        Assert.All(results, r => Assert.Equal(1, r.Attempts)); // serialised: no turn had to re-run on a version conflict
        var replies = _adapterA.Messages.Concat(_adapterB.Messages).ToList();
        Assert.Equal(50, replies.Count);
        Assert.Equal(Enumerable.Range(1, 50), replies.Select(r => int.Parse(r.Text!.Split(':')[0])).Order());
        using var state = JsonDocument.Parse(_store.JsonOf("conv-1")!);
        Assert.Equal(50, state.RootElement.GetProperty("properties").GetProperty("counter").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task TurnWaitsWhileAnotherInstanceHoldsTheConversationLock()
    {
        var held = await _locks.AcquireAsync("conv-1", CancellationToken.None);
        var turn = _runnerA.RunTurnAsync(RecordingAdapter.Message("hello", id: "in-1"), _bot.OnTurnAsync);
        await WaitUntilAsync(() => _locks.Count == 1 && _runnerA.BusyConversationCount == 1);

        Assert.False(turn.IsCompleted);
        Assert.Equal(0, _bot.Runs);
        await held.DisposeAsync();

        Assert.Equal(TurnStatus.Processed, (await turn.WaitAsync(Generous)).Status);
        Assert.Single(_adapterA.Messages);
        Assert.Equal(0, _locks.Count);
    }

    [Fact]
    public async Task RunTurnHoldingLock_DoesNotTakeTheLockAgain()
    {
        await using (await _locks.AcquireAsync("conv-1", CancellationToken.None))
        {
            var result = await _runnerA.RunTurnHoldingLockAsync(RecordingAdapter.Message("hello", id: "in-1"), _bot.OnTurnAsync).WaitAsync(Generous);
            Assert.Equal(TurnStatus.Processed, result.Status);
        }

        Assert.Single(_adapterA.Messages);
        Assert.Equal(0, _runnerA.BusyConversationCount);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(Generous);
        while (!condition())
        {
            await Task.Delay(10, deadline.Token);
        }
    }
}
