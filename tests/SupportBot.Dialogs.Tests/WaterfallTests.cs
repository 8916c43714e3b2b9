using SupportBot.Builder;
using SupportBot.Dialogs.Prompts;

namespace SupportBot.Dialogs.Tests;

public class WaterfallTests
{
    private static ComponentDialog ProfileDialog()
    {
        var root = new ComponentDialog("root");
        root.AddDialog(new WaterfallDialog("profile", [
            (step, ct) => step.PromptAsync("text", new PromptOptions { Prompt = MessageFactory.Text("お名前は？") }, ct),
            (step, ct) =>
            {
                step.Values["name"] = step.Result;
                return step.PromptAsync("number", new PromptOptions { Prompt = MessageFactory.Text("年齢は？") }, ct);
            },
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"{step.Values.GetValue<string>("name")} {step.Result}", cancellationToken: ct);
                return await step.EndDialogAsync("done", ct);
            },
        ]));
        root.AddDialog(new TextPrompt("text"));
        root.AddDialog(new NumberPrompt<int>("number"));
        return root;
    }

    [Fact]
    public async Task StepsRunInOrderAndShareValuesAcrossTurns()
    {
        var adapter = new TestAdapter();
        var results = new List<DialogTurnResult>();

        await new TestFlow(adapter, Bots.Run(ProfileDialog(), results))
            .Send("こんにちは").AssertReply("お名前は？")
            .Send("太郎").AssertReply("年齢は？")
            .Send("３０歳です").AssertReply("太郎 30")
            .AssertNoReply();

        Assert.Equal([DialogTurnStatus.Waiting, DialogTurnStatus.Waiting, DialogTurnStatus.Complete], results.Select(r => r.Status));
        Assert.Equal("done", results[^1].Result);
    }

    [Fact]
    public async Task StatePersistsAsJsonBetweenTurns()
    {
        var adapter = new TestAdapter();

        await new TestFlow(adapter, Bots.Run(ProfileDialog())).Send("hi").Send("太郎");

        var json = adapter.Store.JsonOf("test-conv")!;
        Assert.Contains("\"stepIndex\":1", json);
        Assert.Contains("\"name\":\"太郎\"", json);
        Assert.Contains("\"DialogState\"", json);
    }

    [Fact]
    public async Task NextAsyncSkipsToTheNextStepWithoutWaiting()
    {
        var waterfall = new WaterfallDialog("w", [
            (step, ct) => step.NextAsync("skipped", ct),
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"step {step.Index}: {step.Result} ({step.Reason})", cancellationToken: ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]);

        await new TestFlow(new TestAdapter(), Bots.Run(waterfall))
            .Send("go").AssertReply("step 1: skipped (NextCalled)");
    }

    [Fact]
    public async Task OptionsSurviveASaveAndLoad()
    {
        var root = new ComponentDialog("root");
        root.AddDialog(new WaterfallDialog("start", [(step, ct) => step.BeginDialogAsync("w", new TicketOptions { Product = "Office" }, ct)]));
        root.AddDialog(new WaterfallDialog("w", [
            (step, ct) => step.PromptAsync("text", new PromptOptions { Prompt = MessageFactory.Text("症状は？") }, ct),
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"{step.GetOptions<TicketOptions>()!.Product}: {step.Result}", cancellationToken: ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]));
        root.AddDialog(new TextPrompt("text"));

        await new TestFlow(new TestAdapter(), Bots.Run(root))
            .Send("hi").AssertReply("症状は？")
            .Send("起動しない").AssertReply("Office: 起動しない");
    }

    [Fact]
    public async Task WaterfallWaitingForTextIgnoresNonMessageActivities()
    {
        var adapter = new TestAdapter();

        await new TestFlow(adapter, Bots.Run(ProfileDialog()))
            .Send("hi").AssertReply("お名前は？")
            .Send(new Schema.Activity(Schema.ActivityTypes.Event) { Name = "webchat/join" }).AssertNoReply()
            .Send("太郎").AssertReply("年齢は？");
    }

    [Fact]
    public void VersionChangesWithTheStepCount()
    {
        var waterfall = new WaterfallDialog("w", [(s, ct) => s.EndDialogAsync(null, ct)]);
        var before = waterfall.GetVersion();

        waterfall.AddStep((s, ct) => s.EndDialogAsync(null, ct));

        Assert.NotEqual(before, waterfall.GetVersion());
    }

    private sealed class TicketOptions
    {
        public string? Product { get; set; }
    }
}
