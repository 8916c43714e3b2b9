using SupportBot.Flows.Loading;
using SupportBot.Flows.Model;

namespace SupportBot.Flows.Tests.Loading;

/// <summary>The <c>check:</c> format: kinds, outcome names per kind, choices, findings, placeholders and fact slots.</summary>
public class FlowCheckValidationTests
{
    private const string Header = """
        id: sample
        version: 1
        title: { ja: サンプル, en: Sample }
        examples: { ja: [サンプル] }
        start: code
        states:
          - id: code
            ask: { ja: コード }
            input: { kind: company-code, slot: code, retry: { ja: もう一度 }, gaveUp: done, next: probe }
            choices:
              - { id: skip, label: { ja: わからない }, next: probe }
          - id: probe
            ask: { ja: 青い画面は表示されますか？ }
            choices:
              - { id: shown, label: { ja: はい }, next: done }
              - { id: not-shown, label: { ja: いいえ }, next: done }
            check:

        """;

    private const string Done = """

          - id: done
            end: resolved
            text: { ja: 完了 }
        """;

    [Fact]
    public void ValidCheck_LoadsWithOutcomesFindingsAndFacts()
    {
        var (flow, errors) = Load("""
                  kind: http-probe
                  with: { url: "https://example.test/{code}", proxyMode: none }
                  checking: { ja: 確認しています。, en: Checking. }
                  facts: { httpStatus: code }
                  outcomes:
                    iis-page: { choice: shown, finding: { ja: "表示されました ({httpStatus})。", en: It appeared. } }
                    unreachable: { choice: not-shown, finding: { ja: つながりませんでした。 } }
            """);

        Assert.Empty(errors);
        var check = flow!.Get("probe").Check!;
        Assert.Equal("http-probe", check.Kind);
        Assert.Equal("https://example.test/{code}", check.Parameters["url"]);
        Assert.Equal(new FlowCheckOutcome("shown", LocalizedText.Of("表示されました ({httpStatus})。", "It appeared.")), check.Outcomes["iis-page"]);
        Assert.Equal("code", check.Facts["httpStatus"]);
        Assert.Equal("Checking.", check.Checking.En);
    }

    [Theory]
    [InlineData("kind: ping", "sample.yaml:18: state 'probe': check kind 'ping' is unknown")]
    [InlineData("outcomes: { reachable: { choice: shown, finding: { ja: 見た } } }", "sample.yaml:20: state 'probe': check outcome 'reachable' is unknown for http-probe (iis-page, other-page, unreachable)")]
    [InlineData("outcomes: { iis-page: { choice: maybe, finding: { ja: 見た } } }", "sample.yaml:18: state 'probe': check outcome 'iis-page' maps to 'maybe', which is not a choice of this state")]
    [InlineData("outcomes: { iis-page: { choice: shown } }", "check outcome 'iis-page' needs 'finding'")]
    [InlineData("outcomes: { iis-page: shown }", "check outcome 'iis-page' (choice and finding) must be a mapping")]
    [InlineData("outcomes: {}", "a check needs 'outcomes'")]
    [InlineData("with: { url: \"https://example.test/{company}\" }", "check uses unknown slot '{company}'")]
    [InlineData("facts: { version: productVersion }", "check copies fact 'version' into unknown slot 'productVersion'")]
    [InlineData("colour: red", "unknown key 'colour' in check")]
    public void BadCheck_ReportedWithFileAndLine(string line, string expected)
    {
        var parts = new Dictionary<string, string>
        {
            ["kind"] = "kind: http-probe",
            ["checking"] = "checking: { ja: 確認しています。 }",
            ["outcomes"] = "outcomes: { iis-page: { choice: shown, finding: { ja: 見た } } }",
        };
        parts[line.Split(':')[0]] = line;
        var (_, errors) = Load(string.Join("\n", parts.Values.Select(p => "          " + p)) + "\n");

        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void CheckWithoutCheckingText_Reported()
    {
        var (_, errors) = Load("""
                  kind: proxy-settings
                  outcomes: { proxy-on: { choice: shown, finding: { ja: あり } } }
            """);

        Assert.Contains(errors, e => e.Contains("a check needs 'checking'", StringComparison.Ordinal));
    }

    private static (FlowDefinition? Flow, List<string> Errors) Load(string check)
    {
        var errors = new List<FlowError>();
        var flow = FlowLoader.LoadText("sample.yaml", Header + check + Done, errors);
        return (flow, [.. errors.Select(e => e.ToString())]);
    }
}
