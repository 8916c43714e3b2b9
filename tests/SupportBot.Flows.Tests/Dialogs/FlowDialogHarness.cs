using System.Text.Json;
using SupportBot.Builder;
using SupportBot.Dialogs;
using SupportBot.Flows.Checks;
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
    /// <param name="checks">The PC-helper bridge given to FlowDialog (none: every question is asked).</param>
    /// <param name="offer">A dialog registered as "offer" and given to FlowDialog as its helper offer.</param>
    public FlowDialogHarness(FlowCatalog catalog, string? flowId, string locale = "ja-JP", IFlowCheckRunner? checks = null, Dialog? offer = null)
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
        root.AddDialog(new FlowDialog(catalog, "flow", checks, offer?.Id));
        if (offer is not null) root.AddDialog(offer);
        root.AddDialog(new FlowRoutingDialog(catalog));
        var manager = new DialogManager(root);
        _bot = async (ctx, ct) => await manager.OnTurnAsync(ctx, ct);
    }

    public string Locale { get; }

    public InMemoryStateStore Store { get; } = new();

    public List<FlowDialogResult> Results { get; } = [];

    /// <summary>Sends one user message and returns the bot's replies to it.</summary>
    public Task<IReadOnlyList<Activity>> SendAsync(string text) => RunAsync(new Activity(ActivityTypes.Message) { Text = text });

    /// <summary>Sends an incoming event activity (e.g. <c>agent.result</c>) and returns the bot's replies to it.</summary>
    public Task<IReadOnlyList<Activity>> SendEventAsync(string name, JsonElement value) =>
        RunAsync(new Activity(ActivityTypes.Event) { Name = name, Value = value });

    private async Task<IReadOnlyList<Activity>> RunAsync(Activity activity)
    {
        var before = _replies.Count;
        activity.Id = $"in-{++_next}";
        activity.Locale = Locale;
        activity.ChannelId = Channels.Test;
        activity.Conversation = new ConversationAccount("flow-test");
        activity.From = new ChannelAccount("user", "User", RoleTypes.User);
        activity.Recipient = new ChannelAccount("bot", "Bot", RoleTypes.Bot);
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
