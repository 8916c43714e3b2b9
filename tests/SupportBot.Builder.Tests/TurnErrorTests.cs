using SupportBot.Schema;

namespace SupportBot.Builder.Tests;

public class TurnErrorTests
{
    private readonly RecordingAdapter _adapter = new();
    private readonly InMemoryConversationStateStore _store = new();
    private readonly CountingBot _bot = new();
    private readonly ConversationTurnRunner _runner;

    public TurnErrorTests() => _runner = new ConversationTurnRunner(_adapter, _store);

    private void FailOn(string text) => _bot.BeforeReply = async ctx =>
    {
        await ctx.SendActivityAsync("partial");
        if (ctx.Activity.Text == text)
        {
            throw new InvalidOperationException("boom");
        }
    };

    [Theory]
    [InlineData("ja-JP", TurnErrorMessages.Japanese)]
    [InlineData(null, TurnErrorMessages.Japanese)]
    [InlineData("en-US", TurnErrorMessages.English)]
    [InlineData("EN", TurnErrorMessages.English)]
    public async Task FailingTurnSendsALocalisedApologyAndDropsItsReplies(string? locale, string expected)
    {
        FailOn("bad");
        var activity = RecordingAdapter.Message("bad");
        activity.Locale = locale;

        var result = await _runner.RunTurnAsync(activity, _bot.OnTurnAsync);

        Assert.Equal(TurnStatus.Failed, result.Status);
        Assert.IsType<InvalidOperationException>(result.Error);
        var apology = Assert.Single(_adapter.Messages);
        Assert.Equal(expected, apology.Text);
        Assert.Equal(activity.Id, apology.ReplyToId);
    }

    [Fact]
    public async Task FailedTurnSavesNoStateAndTheConversationStaysUsable()
    {
        FailOn("bad");

        await _runner.RunTurnAsync(RecordingAdapter.Message("good"), _bot.OnTurnAsync);
        await _runner.RunTurnAsync(RecordingAdapter.Message("bad"), _bot.OnTurnAsync);
        await _runner.RunTurnAsync(RecordingAdapter.Message("good again"), _bot.OnTurnAsync);

        Assert.Equal("2:good again", _adapter.Messages[^1].Text);
        Assert.DoesNotContain("bad", _store.JsonOf("conv-1"));
        Assert.Equal(0, _runner.BusyConversationCount);
    }

    [Fact]
    public async Task RedeliveryOfAFailedActivityDoesNotApologiseTwice()
    {
        FailOn("bad");

        await _runner.RunTurnAsync(RecordingAdapter.Message("bad", id: "x"), _bot.OnTurnAsync);
        var again = await _runner.RunTurnAsync(RecordingAdapter.Message("bad", id: "x"), _bot.OnTurnAsync);

        Assert.Equal(TurnStatus.Duplicate, again.Status);
        Assert.Single(_adapter.Messages);
    }

    [Fact]
    public async Task CustomOnTurnErrorReplacesTheDefaultApology()
    {
        FailOn("bad");
        Exception? seen = null;
        _adapter.OnTurnError = async (ctx, ex) =>
        {
            seen = ex;
            await ctx.SendActivityAsync("custom");
        };

        await _runner.RunTurnAsync(RecordingAdapter.Message("bad"), _bot.OnTurnAsync);

        Assert.Equal("boom", seen!.Message);
        Assert.Equal("custom", Assert.Single(_adapter.Messages).Text);
    }

    [Fact]
    public async Task FailedInvokeAnswers500()
    {
        var invoke = RecordingAdapter.Message("x");
        invoke.Type = ActivityTypes.Invoke;

        var result = await _runner.RunTurnAsync(invoke, (_, _) => throw new InvalidOperationException());

        Assert.Equal(500, result.InvokeResponse!.Status);
        Assert.Empty(_adapter.Sent);
    }
}
