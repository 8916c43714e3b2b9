using System.Text.Json;
using SupportBot.Agent.Contracts;
using SupportBot.Flows.Dialogs;
using SupportBot.Flows.Tests.Checks;
using SupportBot.Flows.Model;
using SupportBot.Flows.Runtime;
using SupportBot.Flows.Transcripts;
using SupportBot.Schema;

namespace SupportBot.Flows.Tests.Dialogs;

/// <summary>The scripted conversations again, this time through FlowDialog, the turn runner and JSON-saved dialog state.</summary>
public class FlowDialogTests
{
    private static readonly FlowCatalog Catalog = FlowCatalog.Load(RepoPaths.Dialogs);

    public static TheoryData<string, string> AllTests()
    {
        var data = new TheoryData<string, string>();
        foreach (var (file, test) in LoadTests()) data.Add(file, test.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllTests))]
    public async Task Transcript_ThroughFlowDialog_RunsAsScripted(string file, string name)
    {
        var test = LoadTests().Single(t => t.File == file && t.Test.Name == name).Test;
        var checks = new FakeFlowCheckRunner { Paired = test.Helper };
        var harness = new FlowDialogHarness(Catalog, test.Flow, test.Locale ?? "ja-JP", checks);
        var flow = Catalog.Latest(test.Flow)!;

        foreach (var (step, i) in test.Steps.Select((s, i) => (s, i)))
        {
            var replies = step.Agent is { } agent
                ? await harness.SendEventAsync(FlowDialog.AgentResultEvent, JsonSerializer.SerializeToElement(
                    TranscriptAgentResults.ToCheckResult(agent, checks.Started[^1].Request.Kind, checks.LastJobId), AgentJsonContext.Default.CheckResult))
                : await harness.SendAsync(step.User ?? "こんにちは");
            if (step.Asked is { } asked && step.State is { } state && flow.Definition.Get(state).Check is { } check)
                Assert.True(asked != (replies[^1].Text == check.Checking.For(test.Locale)), $"step {i + 1}: asked should be {asked}, last reply: {replies[^1].Text}");
            var all = string.Join("\n", replies.Select(r => r.Text));
            foreach (var phrase in step.Bot) Assert.True(all.Contains(phrase, StringComparison.Ordinal), $"step {i + 1}: missing \"{phrase}\" in:\n{all}");
            Assert.All(replies, r => Assert.Equal(test.Flow, Place(r).GetProperty("flow").GetString()));
            if (step.State is not null) Assert.Equal(step.State, Place(replies[^1]).GetProperty("state").GetString());
        }

        var result = Assert.Single(harness.Results);
        Assert.Equal(test.Outcome, result.Outcome.ToWire());
    }

    [Fact]
    public async Task Replies_CarrySuggestedActionsAndChannelData()
    {
        var harness = new FlowDialogHarness(Catalog, "passage-license");

        var opening = await harness.SendAsync("ライセンスが確認できませんと出る");
        var question = opening[^1];
        Assert.Equal(["はい、表示されています", "いいえ、別の表示です"], question.SuggestedActions!.Actions!.Select(a => a.Title));
        Assert.All(question.SuggestedActions.Actions!, a => Assert.Equal(ActionTypes.ImBack, a.Type));
        Assert.Equal("symptom", Place(question).GetProperty("state").GetString());
        Assert.Equal(0, Place(question).GetProperty("progress").GetDouble());
        Assert.False(Place(question).TryGetProperty("outcome", out _));

        var end = await harness.SendAsync("いいえ、別の表示です");
        Assert.Equal("out-of-scope", Place(end[^1]).GetProperty("outcome").GetString());
        Assert.Equal(1, Place(end[^1]).GetProperty("progress").GetDouble());
    }

    [Fact]
    public async Task DialogState_HoldsOnlyTheMaskedKey()
    {
        var harness = new FlowDialogHarness(Catalog, "license-key");
        foreach (var text in new[] { "start", "rejected", "いいえ", "いいえ" }) await harness.SendAsync(text);

        var replies = await harness.SendAsync("ABCD-EFGH-JKMN-PQRS");

        var json = harness.Store.JsonOf("flow-test")!;
        Assert.Contains("ABCD-****-****-PQRS", json);
        Assert.DoesNotContain("EFGH", json);
        Assert.DoesNotContain("ABCDEFGHJKMNPQRS", json);
        Assert.Contains("flowVersion", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(replies, r => r.Text!.Contains("EFGH", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TalkToAPerson_EndsEscalatedWithContext()
    {
        var harness = new FlowDialogHarness(Catalog, "passage-license");
        foreach (var text in new[] { "start", "はい", "12" }) await harness.SendAsync(text);

        var replies = await harness.SendAsync("担当者と話したい");

        Assert.Equal("escalated", Place(replies[^1]).GetProperty("outcome").GetString());
        var result = Assert.Single(harness.Results);
        Assert.Equal(FlowOutcome.Escalated, result.Outcome);
        Assert.Equal("user-request", result.Escalation!.Reason);
        Assert.Equal("12", result.Escalation.Slots["remainingDays"]);
    }

    private static JsonElement Place(Activity a) => a.ChannelData!.Value.GetProperty("supportBot");

    private static IEnumerable<(string File, TranscriptTest Test)> LoadTests() =>
        Directory.EnumerateFiles(RepoPaths.Dialogs, "*.tests.yaml").Order()
            .SelectMany(path => TranscriptFile.Parse(File.ReadAllText(path), Path.GetFileName(path)).Select(t => (Path.GetFileName(path), t)));
}
