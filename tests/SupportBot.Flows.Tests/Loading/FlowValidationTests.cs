using SupportBot.Flows.Loading;

namespace SupportBot.Flows.Tests.Loading;

public class FlowValidationTests
{
    private const string Header = """
        id: sample
        version: 1
        title: { ja: サンプル, en: Sample }
        examples: { ja: [サンプル] }
        start: first
        defaults: { resolved: done, gaveUp: done }
        states:

        """;

    [Fact]
    public void LoadText_ManyProblems_ReportsEveryOneWithState()
    {
        var errors = Load("""
              - id: first
                ask: { en: no japanese }
                choices:
                  - id: a
                    label: { ja: A }
                    next: missing
                  - id: a
                    label: { ja: A2 }
                    next:
                      - when: "days >>= 3"
                        goto: done
                      - goto: done
              - id: first
                step: { ja: 手順 }
                next: done
              - id: island
                step: { ja: 孤立 }
                next: done
              - id: loop
                ask: { ja: ループ }
                choices:
                  - id: x
                    label: { ja: X }
                    next: loop2
              - id: loop2
                ask: { ja: ループ2 }
                input: { kind: phone, slot: tel, retry: { ja: もう一度 }, next: loop }
              - id: done
                end: resolved
                text: { ja: 完了 }
                colour: red
            """);

        string[] expected =
        [
            "state 'first': 'ask' is missing its Japanese text (ja)",
            "state 'first': 'a' goes to unknown state 'missing'",
            "state 'first': choice id 'a' is used more than once",
            "state 'first': duplicate state id 'first'",
            "condition 'days >>= 3'",
            "state 'island': is unreachable from the start state",
            "state 'loop2': input kind 'phone' is unknown",
            "state 'done': unknown key 'colour'",
        ];
        foreach (var e in expected) Assert.Contains(errors, x => x.Contains(e, StringComparison.Ordinal));
        Assert.All(errors, e => Assert.StartsWith("sample.yaml:", e));
    }

    [Fact]
    public void LoadText_StatesWithoutWayToEnd_Reported()
    {
        var errors = Load("""
              - id: first
                ask: { ja: 質問 }
                choices:
                  - { id: a, label: { ja: A }, next: spin }
                  - { id: b, label: { ja: B }, next: done }
              - id: spin
                ask: { ja: 回る }
                choices:
                  - { id: c, label: { ja: C }, next: spin2 }
              - id: spin2
                ask: { ja: 回る2 }
                choices:
                  - { id: d, label: { ja: D }, next: spin }
              - id: done
                end: resolved
                text: { ja: 完了 }
            """);

        Assert.Contains(errors, e => e.Contains("state 'spin': has no way to reach an end state"));
        Assert.Contains(errors, e => e.Contains("state 'spin2': has no way to reach an end state"));
    }

    [Theory]
    [InlineData("when: \"color == red\"", "reads unknown slot 'color'")]
    [InlineData("when: \"days <= soon\"", "'soon' is not a number")]
    [InlineData("when: \"ver >= two\"", "'two' is not a version")]
    [InlineData("when: \"kind == purple\"", "slot 'kind' is never set to 'purple'")]
    [InlineData("when: \"kind < blue\"", "can only be compared with == or !=")]
    [InlineData("when: \"key is set\"", null)]
    [InlineData("when: \"days <= 3 and (kind == blue or ver >= 2.5)\"", null)]
    public void LoadText_Conditions_CheckedAgainstSlots(string when, string? expectedError)
    {
        var errors = Load($"""
              - id: first
                ask: {"{"} ja: 質問 {"}"}
                choices:
                  - id: blue
                    label: {"{"} ja: 青 {"}"}
                    set: {"{"} kind: blue {"}"}
                    next: days
              - id: days
                ask: {"{"} ja: 日数 {"}"}
                input: {"{"} kind: number, slot: days, retry: {"{"} ja: 数字 {"}"}, next: ver {"}"}
              - id: ver
                ask: {"{"} ja: 版 {"}"}
                input: {"{"} kind: version, slot: ver, retry: {"{"} ja: 版 {"}"}, next: key {"}"}
              - id: key
                ask: {"{"} ja: キー {"}"}
                input:
                  kind: license-key
                  slot: key
                  retry: {"{"} ja: キー {"}"}
                  next:
                    - {when}
                      goto: done
                    - goto: done
              - id: done
                end: resolved
                text: {"{"} ja: 完了 {"}"}
            """);

        if (expectedError is null) Assert.Empty(errors);
        else Assert.Contains(errors, e => e.Contains(expectedError, StringComparison.Ordinal));
    }

    [Fact]
    public void LoadText_LastBranchWithCondition_Reported()
    {
        var errors = Load("""
              - id: first
                ask: { ja: 日数 }
                input:
                  kind: number
                  slot: days
                  retry: { ja: 数字 }
                  next:
                    - when: days > 3
                      goto: done
              - id: done
                end: resolved
                text: { ja: 完了 }
            """);

        Assert.Contains(errors, e => e.Contains("the last branch must have no 'when'"));
    }

    [Fact]
    public void LoadText_InvalidYaml_ReportsLine()
    {
        var errors = new List<FlowError>();
        FlowLoader.LoadText("bad.yaml", "id: [unclosed", errors);

        Assert.Single(errors);
        Assert.Contains("not valid YAML", errors[0].Message);
    }

    private static List<string> Load(string states)
    {
        var errors = new List<FlowError>();
        FlowLoader.LoadText("sample.yaml", Header + states, errors);
        return [.. errors.Select(e => e.ToString())];
    }
}
