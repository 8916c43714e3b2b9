using System.Text.Json;
using SupportBot.Schema;

namespace SupportBot.Builder.Tests;

public class PipelineTests
{
    private readonly RecordingAdapter _adapter = new();
    private readonly ConversationTurnRunner _runner;

    public PipelineTests() => _runner = new ConversationTurnRunner(_adapter, new InMemoryConversationStateStore());

    [Fact]
    public async Task MiddlewareRunsInOrderAroundTheBot()
    {
        var log = new List<string>();
        _adapter.Use(new RecordingMiddleware("A", log)).Use(new RecordingMiddleware("B", log));

        await _runner.RunTurnAsync(RecordingAdapter.Message("hi"), (_, _) =>
        {
            log.Add("bot");
            return Task.CompletedTask;
        });

        Assert.Equal(["A before", "B before", "bot", "B after", "A after"], log);
    }

    [Fact]
    public async Task MiddlewareCanShortCircuitTheBot()
    {
        var botRan = false;
        _adapter.Use(new ShortCircuit());

        await _runner.RunTurnAsync(RecordingAdapter.Message("hi"), (_, _) =>
        {
            botRan = true;
            return Task.CompletedTask;
        });

        Assert.False(botRan);
    }

    [Fact]
    public async Task SendHooksSeeAndCanChangeOutgoingActivities()
    {
        await _runner.RunTurnAsync(RecordingAdapter.Message("hi"), async (ctx, ct) =>
        {
            ctx.OnSendActivities((_, activities, next) =>
            {
                activities.ForEach(a => a.Text = a.Text?.ToUpperInvariant());
                return next();
            });
            await ctx.SendActivityAsync("hello", cancellationToken: ct);
            Assert.True(ctx.Responded);
        });

        Assert.Equal("HELLO", Assert.Single(_adapter.Messages).Text);
    }

    [Fact]
    public async Task RepliesAreAddressedFromTheInboundActivity()
    {
        var inbound = RecordingAdapter.Message("hi");

        await _runner.RunTurnAsync(inbound, (ctx, ct) => ctx.SendActivityAsync("hello", cancellationToken: ct));

        var reply = Assert.Single(_adapter.Messages);
        Assert.Equal("bot-1", reply.From!.Id);
        Assert.Equal("user-1", reply.Recipient!.Id);
        Assert.Equal(inbound.Id, reply.ReplyToId);
        Assert.Equal("conv-1", reply.Conversation!.Id);
        Assert.Equal("ja-JP", reply.Locale);
        Assert.Equal(InputHints.AcceptingInput, reply.InputHint);
    }

    [Fact]
    public async Task ActivityHandlerWelcomesMembersOtherThanTheBot()
    {
        var update = RecordingAdapter.Message("x");
        update.Type = ActivityTypes.ConversationUpdate;
        update.MembersAdded = [new ChannelAccount("bot-1"), new ChannelAccount("user-1")];
        var bot = new WelcomeBot();

        await _runner.RunTurnAsync(update, bot.OnTurnAsync);

        Assert.Equal(["user-1"], bot.Welcomed);
    }

    [Fact]
    public async Task InvokeResponseIsReturnedToTheAdapterNotSent()
    {
        var invoke = RecordingAdapter.Message("x");
        invoke.Type = ActivityTypes.Invoke;
        invoke.Name = "adaptiveCard/action";

        var result = await _runner.RunTurnAsync(invoke, new WelcomeBot().OnTurnAsync);

        Assert.Equal(200, result.InvokeResponse!.Status);
        Assert.Equal("ok", ((JsonElement)result.InvokeResponse.Body!).GetProperty("answer").GetString());
        Assert.Empty(_adapter.Sent);
    }

    [Fact]
    public async Task UnknownInvokeAnswers501()
    {
        var invoke = RecordingAdapter.Message("x");
        invoke.Type = ActivityTypes.Invoke;

        var result = await _runner.RunTurnAsync(invoke, new ActivityHandler().OnTurnAsync);

        Assert.Equal(501, result.InvokeResponse!.Status);
    }

    [Fact]
    public async Task UnknownActivityTypesAreTolerated()
    {
        var odd = RecordingAdapter.Message("x");
        odd.Type = "somethingNew";

        var result = await _runner.RunTurnAsync(odd, new ActivityHandler().OnTurnAsync);

        Assert.Equal(TurnStatus.Processed, result.Status);
    }

    private sealed class RecordingMiddleware(string name, List<string> log) : IMiddleware
    {
        public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            log.Add($"{name} before");
            await next(cancellationToken);
            log.Add($"{name} after");
        }
    }

    private sealed class ShortCircuit : IMiddleware
    {
        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    private sealed class WelcomeBot : ActivityHandler
    {
        public List<string> Welcomed { get; } = [];

        protected override Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
        {
            Welcomed.AddRange(membersAdded.Select(m => m.Id!));
            return Task.CompletedTask;
        }

        protected override Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
            => Task.FromResult(new InvokeResponse { Status = 200, Body = new { answer = "ok" } });
    }
}
