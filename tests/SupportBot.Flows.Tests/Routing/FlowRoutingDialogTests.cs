using System.Text.Json;
using SupportBot.Flows.Model;
using SupportBot.Flows.Runtime;
using SupportBot.Flows.Tests.Dialogs;
using SupportBot.Schema;

namespace SupportBot.Flows.Tests.Routing;

public class FlowRoutingDialogTests
{
    private static readonly FlowCatalog Catalog = FlowCatalog.Load(RepoPaths.Dialogs);

    [Fact]
    public async Task FirstMessage_ClearMatch_StartsThatFlow()
    {
        var harness = new FlowDialogHarness(Catalog, null);

        var replies = await harness.SendAsync("ライセンスが確認できませんと出る");

        Assert.Equal("passage-license", Place(replies[^1]).GetProperty("flow").GetString());
        Assert.Equal("symptom", Place(replies[^1]).GetProperty("state").GetString());
    }

    [Fact]
    public async Task FirstMessage_Vague_AsksWhichThenStartsPicked()
    {
        var harness = new FlowDialogHarness(Catalog, null);

        var question = await harness.SendAsync("ライセンスのことで困っています");
        Assert.Contains("どちらに近いですか", question[^1].Text);
        var titles = question[^1].SuggestedActions!.Actions!.Select(a => a.Title).ToList();
        Assert.Contains("ライセンスキーを入れても認証できない", titles);
        Assert.Contains("どちらでもない", titles);

        var replies = await harness.SendAsync("ライセンスキーを入れても認証できない");

        Assert.Equal("license-key", Place(replies[^1]).GetProperty("flow").GetString());
    }

    [Fact]
    public async Task FirstMessage_Unrelated_SaysWhatItCanDoAndOffersPerson()
    {
        var harness = new FlowDialogHarness(Catalog, null);

        var replies = await harness.SendAsync("プリンターが動かない");
        Assert.Contains("このチャットでご案内できるのは", replies[^1].Text);
        Assert.Equal("route", Place(replies[^1]).GetProperty("flow").GetString());
        Assert.Equal("out-of-scope", Place(replies[^1]).GetProperty("state").GetString());
        Assert.Contains("担当者と話したい", replies[^1].SuggestedActions!.Actions!.Select(a => a.Title));

        await harness.SendAsync("担当者と話したい");

        var result = Assert.Single(harness.Results);
        Assert.Equal(FlowOutcome.Escalated, result.Outcome);
        Assert.Contains(new KeyValuePair<string, string>("first-message", "プリンターが動かない"), result.Escalation!.Answers);
    }

    [Fact]
    public async Task FirstMessage_English_StartsFlowInEnglish()
    {
        var harness = new FlowDialogHarness(Catalog, null, "en-US");

        var replies = await harness.SendAsync("my license key is correct but it will not activate");

        Assert.Equal("license-key", Place(replies[^1]).GetProperty("flow").GetString());
        Assert.StartsWith("I'll help you", replies[0].Text);
    }

    [Fact]
    public async Task FirstMessage_TalkToPerson_EscalatesWithTheMessage()
    {
        var harness = new FlowDialogHarness(Catalog, null);

        var replies = await harness.SendAsync("担当者と話したい");

        Assert.Equal("escalated", Place(replies[^1]).GetProperty("outcome").GetString());
        var result = Assert.Single(harness.Results);
        Assert.Equal(FlowOutcome.Escalated, result.Outcome);
        Assert.Equal("user-request", result.Escalation!.Reason);
    }

    private static JsonElement Place(Activity a) => a.ChannelData!.Value.GetProperty("supportBot");
}
