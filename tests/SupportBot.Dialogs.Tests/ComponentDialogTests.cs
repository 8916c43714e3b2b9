using SupportBot.Builder;
using SupportBot.Dialogs.Prompts;

namespace SupportBot.Dialogs.Tests;

public class ComponentDialogTests
{
    /// <summary>A component with interruption handling: "キャンセル" cancels its inner dialogs.</summary>
    private sealed class CancellableComponent : ComponentDialog
    {
        public CancellableComponent(string id)
            : base(id)
        {
        }

        protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
        {
            if (innerDc.Context.Activity.Text == "キャンセル")
            {
                await innerDc.Context.SendActivityAsync("キャンセルしました", cancellationToken: cancellationToken);
                return await innerDc.CancelAllDialogsAsync(cancellationToken);
            }

            return await base.OnContinueDialogAsync(innerDc, cancellationToken);
        }
    }

    private static ComponentDialog Troubleshooter()
    {
        var inner = new CancellableComponent("troubleshoot");
        inner.AddDialog(new WaterfallDialog("steps", [
            (step, ct) => step.PromptAsync("confirm", new PromptOptions { Prompt = MessageFactory.Text("再起動しましたか？") }, ct),
            (step, ct) => step.PromptAsync("text", new PromptOptions { Prompt = MessageFactory.Text("エラーメッセージは？") }, ct),
            (step, ct) => step.EndDialogAsync($"error={step.Result}", ct),
        ]));
        inner.AddDialog(new ConfirmPrompt("confirm"));
        inner.AddDialog(new TextPrompt("text"));

        var root = new ComponentDialog("root");
        root.AddDialog(new WaterfallDialog("main", [
            (step, ct) => step.BeginDialogAsync("troubleshoot", null, ct),
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"result: {step.Result ?? "none"}", cancellationToken: ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]));
        root.AddDialog(inner);
        return root;
    }

    [Fact]
    public async Task InnerStackIsPersistedAcrossTurns()
    {
        var adapter = new TestAdapter();

        await new TestFlow(adapter, Bots.Run(Troubleshooter()))
            .Send("hi").AssertReply(r => Assert.Equal("再起動しましたか？", r.Text))
            .Send("はい").AssertReply("エラーメッセージは？");

        // Nested stacks in the saved document: root → main waterfall → troubleshoot → steps → text prompt.
        var json = adapter.Store.JsonOf("test-conv")!;
        Assert.Contains("\"id\":\"troubleshoot\"", json);
        Assert.Contains("\"id\":\"text\"", json);

        await new TestFlow(adapter, Bots.Run(Troubleshooter()))
            .Send("0x8007").AssertReply("result: error=0x8007");
    }

    [Fact]
    public async Task InterruptionCancelsTheInnerDialogsAndResumesTheParent()
    {
        await new TestFlow(new TestAdapter(), Bots.Run(Troubleshooter()))
            .Send("hi").AssertReply(_ => { })
            .Send("キャンセル").AssertReply("キャンセルしました").AssertReply("result: none")
            .Send("again").AssertReply(r => Assert.Equal("再起動しましたか？", r.Text));
    }

    [Fact]
    public async Task OneDialogObjectServesManyConversations()
    {
        var bot = Bots.Run(Troubleshooter());
        var a = new TestAdapter(conversationId: "a");
        var b = new TestAdapter(conversationId: "b");

        await new TestFlow(a, bot).Send("hi").AssertReply(_ => { }).Send("はい").AssertReply("エラーメッセージは？");
        await new TestFlow(b, bot).Send("hi").AssertReply(r => Assert.Equal("再起動しましたか？", r.Text));
        await new TestFlow(a, bot).Send("E1").AssertReply("result: error=E1");
    }

    [Fact]
    public void AddingADifferentDialogWithAUsedIdThrows()
    {
        var component = new ComponentDialog("c");
        component.AddDialog(new TextPrompt("x"));

        Assert.Throws<ArgumentException>(() => component.AddDialog(new TextPrompt("x")));
    }
}
