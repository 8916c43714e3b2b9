using System.Text.Json;
using SupportBot.Agent.Contracts;
using SupportBot.Flows.Dialogs;
using SupportBot.Flows.Runtime;
using SupportBot.Flows.Tests.Checks;
using SupportBot.Schema;

namespace SupportBot.Flows.Tests.Dialogs;

/// <summary>FlowDialog with a paired PC helper: checks replace questions, results move the flow on, failures ask.</summary>
public class FlowDialogCheckTests
{
    private static readonly FlowCatalog Catalog = FlowCatalog.Load(RepoPaths.Dialogs);

    // symptom → remaining days → start → redraw (not fixed) → counting down → internet: the license-server question.
    private static readonly string[] ToInternetOpenPage = ["はい", "12", "はい", "いいえ", "decreasing"];

    private static async Task<(FlowDialogHarness Harness, FakeFlowCheckRunner Checks)> AtLicenseTypeAsync(string locale = "ja-JP", bool paired = true)
    {
        var checks = new FakeFlowCheckRunner { Paired = paired };
        var harness = new FlowDialogHarness(Catalog, "passage-license", locale, checks);
        await harness.SendAsync("こんにちは");
        foreach (var text in ToInternetOpenPage) await harness.SendAsync(text);
        return (harness, checks);
    }

    private static string State(Activity reply) =>
        reply.ChannelData!.Value.GetProperty("supportBot").GetProperty("state").GetString()!;

    private static string Text(IEnumerable<Activity> replies) => string.Join("\n", replies.Select(r => r.Text));

    [Fact]
    public async Task Paired_CheckState_SaysWhatIsCheckedInsteadOfAsking()
    {
        var (harness, checks) = await AtLicenseTypeAsync();

        var replies = await harness.SendAsync("internet");

        Assert.Contains("表示が出ている PC で", Text(replies));
        Assert.Equal("ライセンスサーバーにつながるか、パソコンで確認しています。少しお待ちください。", replies[^1].Text);
        Assert.DoesNotContain("Internet Information Services」と書かれた青い画面が表示されますか", Text(replies));
        Assert.All(replies, r => Assert.Null(r.SuggestedActions));
        var (_, request) = Assert.Single(checks.Started);
        Assert.Equal(("passage-license", "internet-open-page", "http-probe"), (request.FlowId, request.StateId, request.Kind));
        Assert.Equal("https://passagelic.flexwp.yrl.com/", request.Parameters["url"]);
        Assert.Equal("system", request.Parameters["proxyMode"]);
        Assert.Equal("true", request.Parameters["expectIisPage"]);
    }

    [Fact]
    public async Task Result_SaysFindingAndMovesOn_AsIfTheChoiceWasMade()
    {
        var (harness, checks) = await AtLicenseTypeAsync();
        await harness.SendAsync("internet");

        var replies = await harness.SendEventAsync(FlowDialog.AgentResultEvent,
            AgentResults.Json(checks.LastJobId, CheckKinds.HttpProbe, CheckStatus.Pass, ("iisDefaultPage", true), ("reachable", true)));

        Assert.Contains("「Internet Information Services」の青い画面が表示されました", replies[0].Text);
        Assert.Equal("corp-code-intro", State(replies[^1]));
        Assert.Contains("正しい企業コードを入力してください", replies[^1].Text);
    }
}
