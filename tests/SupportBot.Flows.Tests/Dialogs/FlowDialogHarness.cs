using SupportBot.Builder;
using SupportBot.Dialogs;
using SupportBot.Flows.Dialogs;
using SupportBot.Flows.Routing;
using SupportBot.Flows.Runtime;
using SupportBot.Schema;

namespace SupportBot.Flows.Tests.Dialogs;

/// <summary>Runs a <see cref="FlowDialog"/> under a small root dialog through the real turn runner and a JSON state store.</summary>
internal sealed class FlowDialogHarness : BotAdapter
{
    private readonly List<Activity> _replies = [];
    private readonly ConversationTurnRunner _runner;
    private readonly BotCallbackHandler _bot;
    private int _next;

    /// <param name="flowId">The flow to run, or null to route the first message with <see cref="FlowRoutingDialog"/>.</param>
    public FlowDialogHarness(FlowCatalog catalog, string? flowId, string locale = "ja-JP")
    {
        Locale = locale;
        _runner = new ConversationTurnRunner(this, Store);
        var root = new ComponentDialog("root");
        root.AddDialog(new WaterfallDialog("main", [
            (step, ct) => flowId is null ? step.BeginDialogAsync("route", null, ct) : step.BeginDialogAsync("flow", new FlowDialogOptions(flowId), ct),
            (step, ct) =>
            {
                Results.Add((FlowDialogResult)step.Result!);
                return step.EndDialogAsync(step.Result, ct);
            },
        ]));
        root.AddDialog(new FlowDialog(catalog));
        root.AddDialog(new FlowRoutingDialog(catalog));
        var manager = new DialogManager(root);
        _bot = async (ctx, ct) => await manager.OnTurnAsync(ctx, ct);
    }

    public string Locale { get; }

    public InMemoryStateStore Store { get; } = new();

    public List<FlowDialogResult> Results { get; } = [];

    /// <summary>Sends one user message and returns the bot's replies to it.</summary>
    public async Task<IReadOnlyList<Activity>> SendAsync(string text)
    {
        var before = _replies.Count;
        var activity = new Activity(ActivityTypes.Message)
        {
            Text = text, Id = $"in-{++_next}", Locale = Locale, ChannelId = Channels.Test,
            Conversation = new ConversationAccount("flow-test"),
            From = new ChannelAccount("user", "User", RoleTypes.User),
            Recipient = new ChannelAccount("bot", "Bot", RoleTypes.Bot),
        };
        await _runner.RunTurnAsync(activity, _bot);
        return _replies.Skip(before).ToList();
    }

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        foreach (var a in activities) a.Id = $"out-{++_next}";
        _replies.AddRange(activities.Where(a => a.IsType(ActivityTypes.Message)));
        return Task.FromResult(activities.Select(a => new ResourceResponse(a.Id!)).ToArray());
    }
}
