using System.Text.Json;
using SupportBot.Agent.Contracts;
using SupportBot.Flows.Checks;
using SupportBot.Flows.Dialogs;
using SupportBot.Flows.Runtime;
using SupportBot.Flows.Tests.Checks;
using SupportBot.Schema;

namespace SupportBot.Flows.Tests.Dialogs;

/// <summary>
/// FlowDialog with the PC helper, through the real turn runner and JSON-saved dialog state: checks replace questions,
/// results move the flow on (and chain), failures and late answers fall back to asking; the helper is offered once.
/// </summary>
public class FlowDialogCheckTests
{
    private const string Checking = "ライセンスサーバーにつながるか、パソコンで確認しています。少しお待ちください。";
    private const string Question = "「Internet Information Services」と書かれた青い画面が表示されますか？";
    private static readonly FlowCatalog Catalog = FlowCatalog.Load(RepoPaths.Dialogs);

    // symptom → 12 days left → start → redraw not fixed → days go down: the next answer picks the license type.
    private static readonly string[] ToLicenseType = ["はい", "12", "はい", "いいえ", "decreasing"];
    private static readonly string[] ToLicenseTypeEnglish = ["Yes, that's the message", "12", "Start checking", "No, not yet", "Yes, it goes down every day"];

    [Fact]
    public async Task Paired_CheckState_SaysWhatIsCheckedInsteadOfAsking()
    {
        var (harness, checks) = await AtLicenseTypeAsync();

        var replies = await harness.SendAsync("internet");

        Assert.Contains("表示が出ている PC で", Text(replies));
        Assert.Equal(Checking, replies[^1].Text);
        Assert.DoesNotContain(Question, Text(replies));
        Assert.All(replies, r => Assert.Null(r.SuggestedActions));
        Assert.Equal("internet-open-page", State(replies[^1]));
        var (_, request) = Assert.Single(checks.Started);
        Assert.Equal(("passage-license", "internet-open-page", "http-probe"), (request.FlowId, request.StateId, request.Kind));
        Assert.Equal(new Dictionary<string, string> { ["url"] = "https://passagelic.flexwp.yrl.com/", ["proxyMode"] = "system", ["expectIisPage"] = "true" }, request.Parameters);
    }

    [Fact]
    public async Task Result_SaysFindingAndMovesOn_AsIfTheChoiceWasMade()
    {
        var (harness, checks) = await AtLicenseTypeAsync();
        await harness.SendAsync("internet");

        var replies = await ResultAsync(harness, checks.LastJobId, CheckKinds.HttpProbe, "iis-page");

        Assert.Contains("「Internet Information Services」の青い画面が表示されました", replies[0].Text);
        Assert.Equal("corp-code-intro", State(replies[^1]));
        Assert.Contains("正しい企業コードを入力してください", replies[^1].Text);
    }

    [Fact]
    public async Task ChainedChecks_EachResultQueuesTheNextQuestionsCheck()
    {
        var (harness, checks) = await AtLicenseTypeAsync();
        await harness.SendAsync("internet");

        var afterProbe = await ResultAsync(harness, checks.LastJobId, CheckKinds.HttpProbe, "unreachable");
        var afterProxy = await ResultAsync(harness, checks.LastJobId, CheckKinds.ProxySettings, "proxy-on");
        var afterDirect = await ResultAsync(harness, checks.LastJobId, CheckKinds.HttpProbe, "iis-page");

        Assert.Equal("この PC のプロキシの設定を、パソコンで確認しています。少しお待ちください。", afterProbe[^1].Text);
        Assert.Equal("proxy-try-direct", State(afterProxy[^1]));
        Assert.Equal("passage-version", State(afterDirect[^1]));
        Assert.Equal(["http-probe", "proxy-settings", "http-probe", "product-version"], checks.Started.Select(s => s.Request.Kind));
        Assert.Equal("none", checks.Started[2].Request.Parameters["proxyMode"]);
        Assert.Equal(new Dictionary<string, string> { ["product"] = "Passage", ["minimum"] = "2.5.0" }, checks.Started[3].Request.Parameters);
        Assert.All([afterProbe, afterProxy, afterDirect], r => Assert.Null(r[^1].SuggestedActions));
    }

    [Fact]
    public async Task HelperAnswers_AreRecordedForTheTicket_AndFactsFillSlots()
    {
        var (harness, checks) = await AtLicenseTypeAsync();
        await harness.SendAsync("internet");
        await ResultAsync(harness, checks.LastJobId, CheckKinds.HttpProbe, "unreachable");
        await ResultAsync(harness, checks.LastJobId, CheckKinds.ProxySettings, "proxy-on");
        await ResultAsync(harness, checks.LastJobId, CheckKinds.HttpProbe, "iis-page");

        var version = await ResultAsync(harness, checks.LastJobId, CheckKinds.ProductVersion, "at-least", ("version", "2.7.1"));
        await harness.SendAsync("いいえ");
        await harness.SendAsync("いいえ");

        Assert.Contains("お使いの Passage は v2.7.1 です。", version[0].Text);
        var escalation = Assert.Single(harness.Results).Escalation!;
        Assert.Equal("2.7.1", escalation.Slots["version"]);
        Assert.Contains(new KeyValuePair<string, string>("internet-open-page", "agent:unreachable"), escalation.Answers);
        Assert.Contains(new KeyValuePair<string, string>("proxy-question", "agent:proxy-on"), escalation.Answers);
        Assert.Contains(new KeyValuePair<string, string>("passage-version", "agent:at-least"), escalation.Answers);
        Assert.Equal(["symptom", "remaining-days", "countdown-ok", "redraw", "countdown-check", "license-type", "internet-open-page",
            "proxy-question", "proxy-try-direct", "passage-version", "proxy-setting", "network-check", "escalate"], escalation.Path);
    }

    [Fact]
    public async Task Placeholders_AreFilledFromSlots_BeforeDispatch()
    {
        var (harness, checks) = await AtLicenseTypeAsync();
        await harness.SendAsync("internet");
        await ResultAsync(harness, checks.LastJobId, CheckKinds.HttpProbe, "iis-page");

        var replies = await harness.SendAsync("CORP01");

        Assert.Equal("レジストリに記録された 2 つの企業コードを、パソコンで確認しています。少しお待ちください。", replies[^1].Text);
        var request = checks.Started[^1].Request;
        Assert.Equal("registry-value", request.Kind);
        Assert.Equal(new Dictionary<string, string>
        {
            ["key"] = @"HKEY_LOCAL_MACHINE\SOFTWARE\YRL\FWP\Passage\Setup", ["name"] = "CorpId",
            ["compareKey"] = @"HKEY_LOCAL_MACHINE\SOFTWARE\YRL\FWP\Passage\var", ["expected"] = "CORP01",
        }, request.Parameters);
    }

    [Fact]
    public async Task MissingSlotForAPlaceholder_AsksInsteadOfChecking()
    {
        var directory = Directory.CreateTempSubdirectory("flows-check-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "sample.yaml"), SampleFlow);
            var checks = new FakeFlowCheckRunner();
            var harness = new FlowDialogHarness(FlowCatalog.Load(directory.FullName).EnsureValid(), "sample", checks: checks);
            await harness.SendAsync("こんにちは");

            var replies = await harness.SendAsync("わからない");

            Assert.Equal("青い画面は表示されますか？", replies[^1].Text);
            Assert.NotNull(replies[^1].SuggestedActions);
            Assert.Empty(checks.Started);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ThroughFlowRoutingDialog_TheResultReachesTheRunningFlow()
    {
        var checks = new FakeFlowCheckRunner();
        var harness = new FlowDialogHarness(Catalog, flowId: null, checks: checks);
        await harness.SendAsync("Passage プレートに「ライセンスが確認できません。残りxx日」と出る");
        foreach (var text in ToLicenseType) await harness.SendAsync(text);
        await harness.SendAsync("internet");

        var replies = await ResultAsync(harness, checks.LastJobId, CheckKinds.HttpProbe, "iis-page");

        Assert.Equal("corp-code-intro", State(replies[^1]));
    }

    [Fact]
    public async Task NotPaired_WithoutOffer_AsksExactlyAsBefore()
    {
        var (harness, checks) = await AtLicenseTypeAsync(paired: false);

        var replies = await harness.SendAsync("internet");

        Assert.Contains(Question, replies[^1].Text);
        Assert.Equal(["青い画面が表示された", "表示されない"], replies[^1].SuggestedActions!.Actions!.Select(a => a.Title));
        Assert.Empty(checks.Started);
    }

    [Fact]
    public async Task QueueingFails_AsksTheQuestion()
    {
        var (harness, checks) = await AtLicenseTypeAsync();
        checks.Accepts = false;

        var replies = await harness.SendAsync("internet");

        Assert.Contains(Question, replies[^1].Text);
        Assert.DoesNotContain(Checking, Text(replies));
    }

    [Fact]
    public async Task Offer_Accepted_RunsTheCheck()
    {
        var checks = new FakeFlowCheckRunner { Paired = false };
        var offer = new StubOfferDialog(checks);
        var harness = await StartAsync(checks, offer);

        var offered = await harness.SendAsync("internet");
        var accepted = await harness.SendAsync("はい");

        Assert.Equal("offer", offered[^1].Text);
        Assert.DoesNotContain(Question, Text(offered));
        Assert.Equal(new FlowHelperOfferOptions("ja-JP", "passage-license", "internet-open-page"), Assert.Single(offer.Offers));
        Assert.Equal(Checking, Assert.Single(accepted).Text);
        Assert.Equal("internet-open-page", Assert.Single(checks.Started).Request.StateId);
    }

    [Fact]
    public async Task Offer_Declined_AsksAndIsNeverOfferedAgain()
    {
        var checks = new FakeFlowCheckRunner { Paired = false };
        var offer = new StubOfferDialog(checks);
        var harness = await StartAsync(checks, offer);
        await harness.SendAsync("internet");

        var declined = await harness.SendAsync("いいえ");
        var next = await harness.SendAsync("表示されない");

        Assert.Contains(Question, Assert.Single(declined).Text);
        Assert.NotNull(declined[0].SuggestedActions);
        Assert.Equal("proxy-question", State(next[^1]));
        Assert.Contains("プロキシ (proxy) サーバーを経由して", next[^1].Text);
        Assert.Single(offer.Offers);
        Assert.Empty(checks.Started);
    }

    [Theory]
    [InlineData(CheckStatus.Error)]
    [InlineData(CheckStatus.Timeout)]
    [InlineData(CheckStatus.Refused)]
    [InlineData(CheckStatus.Unsupported)]
    public async Task NoAnswerFromTheHelper_SaysSoAndAsks(CheckStatus status)
    {
        var (harness, checks) = await AtLicenseTypeAsync();
        await harness.SendAsync("internet");

        var replies = await harness.SendEventAsync(FlowDialog.AgentResultEvent, AgentResults.Json(checks.LastJobId, CheckKinds.HttpProbe, status));
        var answered = await harness.SendAsync("見えました");

        Assert.Equal(2, replies.Count);
        Assert.Equal("パソコンでは確認できませんでした。お手数ですが、教えてください。", replies[0].Text);
        Assert.Contains(Question, replies[1].Text);
        Assert.NotNull(replies[1].SuggestedActions);
        Assert.Equal("corp-code-intro", State(answered[^1]));
    }

    [Fact]
    public async Task OutcomeTheFlowDoesNotMap_Asks()
    {
        var (harness, checks) = await AtLicenseTypeAsync();
        await harness.SendAsync("internet");
        await ResultAsync(harness, checks.LastJobId, CheckKinds.HttpProbe, "unreachable");
        await ResultAsync(harness, checks.LastJobId, CheckKinds.ProxySettings, "proxy-on");
        await ResultAsync(harness, checks.LastJobId, CheckKinds.HttpProbe, "iis-page");

        var replies = await ResultAsync(harness, checks.LastJobId, CheckKinds.ProductVersion, "not-installed");

        Assert.Equal("パソコンでは確認できませんでした。お手数ですが、教えてください。", replies[0].Text);
        Assert.Contains("バージョンを教えてください", replies[^1].Text);
    }

    [Fact]
    public async Task UserAnswersWhileChecking_AnswerWins_LateResultIgnored()
    {
        var (harness, checks) = await AtLicenseTypeAsync();
        await harness.SendAsync("internet");
        var firstJob = checks.LastJobId;

        var answered = await harness.SendAsync("表示されない");
        var late = await ResultAsync(harness, firstJob, CheckKinds.HttpProbe, "iis-page");
        var current = await ResultAsync(harness, checks.LastJobId, CheckKinds.ProxySettings, "proxy-off");

        Assert.Equal("proxy-question", State(answered[^1]));
        Assert.Empty(late);
        Assert.Equal("network-check", State(current[^1]));
    }

    [Fact]
    public async Task UnknownJobId_OtherEvents_AndUnreadableValues_AreIgnored()
    {
        var (harness, checks) = await AtLicenseTypeAsync();
        await harness.SendAsync("internet");

        var unknown = await ResultAsync(harness, "job-999", CheckKinds.HttpProbe, "iis-page");
        var other = await harness.SendEventAsync("agent.progress", AgentResults.Json(checks.LastJobId, CheckKinds.HttpProbe, CheckStatus.Pass));
        var unreadable = await harness.SendEventAsync(FlowDialog.AgentResultEvent, JsonSerializer.SerializeToElement("not a result"));
        var real = await ResultAsync(harness, checks.LastJobId, CheckKinds.HttpProbe, "iis-page");

        Assert.Empty(unknown);
        Assert.Empty(other);
        Assert.Empty(unreadable);
        Assert.Equal("corp-code-intro", State(real[^1]));
    }

    [Fact]
    public async Task English_CheckingFindingAndFallback()
    {
        var checks = new FakeFlowCheckRunner();
        var harness = new FlowDialogHarness(Catalog, "passage-license", "en-US", checks);
        await harness.SendAsync("hello");
        foreach (var text in ToLicenseTypeEnglish) await harness.SendAsync(text);

        var checking = await harness.SendAsync("Internet license authentication");
        var finding = await ResultAsync(harness, checks.LastJobId, CheckKinds.HttpProbe, "unreachable");
        var fallback = await harness.SendEventAsync(FlowDialog.AgentResultEvent, AgentResults.Json(checks.LastJobId, CheckKinds.ProxySettings, CheckStatus.Timeout));

        Assert.Equal("The helper is checking on your PC whether the license server can be reached. Please wait a moment.", checking[^1].Text);
        Assert.Equal("Your PC could not reach https://passagelic.flexwp.yrl.com/.", finding[0].Text);
        Assert.Equal("The helper couldn't check this on your PC. Sorry for the trouble, but please tell me.", fallback[0].Text);
        Assert.Contains("Does this PC connect to the internet through a proxy server?", fallback[1].Text);
        Assert.Equal(["Yes, through a proxy", "No proxy", "I don't know"], fallback[1].SuggestedActions!.Actions!.Select(a => a.Title));
    }

    private const string SampleFlow = """
        id: sample
        version: 1
        title: { ja: サンプル, en: Sample }
        examples: { ja: [サンプル] }
        start: code
        states:
          - id: code
            ask: { ja: コードを入力してください。 }
            input: { kind: company-code, slot: code, retry: { ja: もう一度 }, gaveUp: done, next: probe }
            choices:
              - { id: skip, label: { ja: わからない }, next: probe }
          - id: probe
            ask: { ja: 青い画面は表示されますか？ }
            choices:
              - { id: shown, label: { ja: はい }, next: done }
              - { id: not-shown, label: { ja: いいえ }, next: done }
            check:
              kind: http-probe
              with: { url: "https://example.test/{code}" }
              checking: { ja: 確認しています。 }
              outcomes: { iis-page: { choice: shown, finding: { ja: 表示されました。 } } }
          - id: done
            end: resolved
            text: { ja: 完了 }
        """;

    private static async Task<(FlowDialogHarness Harness, FakeFlowCheckRunner Checks)> AtLicenseTypeAsync(bool paired = true)
    {
        var checks = new FakeFlowCheckRunner { Paired = paired };
        return (await StartAsync(checks, null), checks);
    }

    private static async Task<FlowDialogHarness> StartAsync(FakeFlowCheckRunner checks, StubOfferDialog? offer)
    {
        var harness = new FlowDialogHarness(Catalog, "passage-license", "ja-JP", checks, offer);
        await harness.SendAsync("こんにちは");
        foreach (var text in ToLicenseType) await harness.SendAsync(text);
        return harness;
    }

    private static Task<IReadOnlyList<Activity>> ResultAsync(FlowDialogHarness harness, string jobId, string kind, string outcome, params (string Name, FactValue Value)[] extra)
    {
        var facts = CheckResultSamples.Facts(kind, outcome);
        foreach (var (name, value) in extra) facts[name] = value;
        return harness.SendEventAsync(FlowDialog.AgentResultEvent, AgentResults.Json(jobId, kind, CheckResultSamples.Status(outcome), [.. facts.Select(f => (f.Key, f.Value))]));
    }

    private static string State(Activity reply) =>
        reply.ChannelData!.Value.GetProperty("supportBot").GetProperty("state").GetString()!;

    private static string Text(IEnumerable<Activity> replies) => string.Join("\n", replies.Select(r => r.Text));
}
