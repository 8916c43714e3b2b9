using SupportBot.Builder;
using SupportBot.Builder.State;
using SupportBot.Dialogs.Prompts;

namespace SupportBot.Dialogs.Tests;

public class DialogManagerTests
{
    private static ComponentDialog Greeter(string id = "greeter")
    {
        var root = new ComponentDialog(id);
        root.AddDialog(new WaterfallDialog("ask", [
            (step, ct) => step.PromptAsync("name", new PromptOptions { Prompt = MessageFactory.Text("お名前は？") }, ct),
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"こんにちは、{step.Result}さん", cancellationToken: ct);
                return await step.EndDialogAsync(step.Result, ct);
            },
        ]));
        root.AddDialog(new TextPrompt("name"));
        return root;
    }

    [Fact]
    public async Task BeginsTheRootThenContinuesItAndBeginsAgainAfterCompletion()
    {
        var results = new List<DialogTurnResult>();

        await new TestFlow(new TestAdapter(), Bots.Run(Greeter(), results))
            .Send("hi").AssertReply("お名前は？")
            .Send("花子").AssertReply("こんにちは、花子さん")
            .Send("again").AssertReply("お名前は？");

        Assert.Equal(DialogTurnStatus.Complete, results[1].Status);
        Assert.Equal("花子", results[1].Result);
        Assert.Equal(DialogTurnStatus.Waiting, results[2].Status);
    }

    [Fact]
    public async Task CancelAllDialogsEmptiesTheStack()
    {
        var manager = new DialogManager(Greeter());
        var accessor = new ConversationState().CreateProperty<DialogState>("DialogState");
        DialogTurnResult? cancelled = null;
        int? stackAfter = null;
        var adapter = new TestAdapter();

        await new TestFlow(adapter, async (ctx, ct) =>
        {
            if (ctx.Activity.Text == "cancel")
            {
                var dc = await new DialogSet(accessor).Add(manager.RootDialog).CreateContextAsync(ctx, ct);
                cancelled = await dc.CancelAllDialogsAsync(ct);
                stackAfter = dc.Stack.Count;
                return;
            }

            await manager.OnTurnAsync(ctx, ct);
        }).Send("hi").AssertReply("お名前は？").Send("cancel").AssertNoReply().Send("next").AssertReply("お名前は？");

        Assert.Equal(DialogTurnStatus.Cancelled, cancelled!.Status);
        Assert.Equal(0, stackAfter);
    }

    [Fact]
    public async Task StackOfARemovedDialogIsResetInsteadOfFailingEveryTurn()
    {
        var adapter = new TestAdapter();
        await new TestFlow(adapter, Bots.Run(Greeter("old"))).Send("hi").AssertReply("お名前は？");

        var manager = new DialogManager(Greeter("new"));
        DialogManagerResult? result = null;
        await new TestFlow(adapter, async (ctx, ct) => result = await manager.OnTurnAsync(ctx, ct))
            .Send("花子").AssertReply("お名前は？");

        Assert.True(result!.StackReset);
    }

    [Fact]
    public async Task RunAsyncExtensionDrivesADialogWithAnAccessor()
    {
        var accessor = new ConversationState().CreateProperty<DialogState>("stack");
        var dialog = Greeter();

        await new TestFlow(new TestAdapter(), (ctx, ct) => dialog.RunAsync(ctx, accessor, ct))
            .Send("hi").AssertReply("お名前は？")
            .Send("次郎").AssertReply("こんにちは、次郎さん");
    }

    [Fact]
    public async Task FailedTurnLeavesTheDialogWhereItWas()
    {
        var root = Greeter();
        var manager = new DialogManager(root);
        var adapter = new TestAdapter();

        await new TestFlow(adapter, async (ctx, ct) =>
        {
            await manager.OnTurnAsync(ctx, ct);
            if (ctx.Activity.Text == "boom")
            {
                throw new InvalidOperationException("boom");
            }
        })
            .Send("hi").AssertReply("お名前は？")
            .Send("boom").AssertReply(TurnErrorMessages.Japanese)
            .Send("花子").AssertReply("こんにちは、花子さん");
    }
}
