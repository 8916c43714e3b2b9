using System.Text.Json;
using SupportBot.Flows.Model;
using SupportBot.Flows.Runtime;

namespace SupportBot.Flows.Tests.Runtime;

public class FlowEngineTests
{
    private static readonly FlowCatalog Catalog = FlowCatalog.Load(RepoPaths.Dialogs);

    [Fact]
    public void Escalation_AfterEverything_CarriesMaskedKeyTriedStepsAndSlots()
    {
        var session = Run("license-key", "rejected", "いいえ", "いいえ", "ABCD-EFGH-JKMN-PQRS", "いいえ", "match", "this-pc-only", "valid",
            "いいえ", "いいえ", "いいえ", "認証エラー ABCD-EFGH-JKMN-PQRS", "2.5", "Windows 11");
        var turn = session.Send("ライセンスキーがある");

        Assert.Equal(FlowOutcome.Escalated, turn.Outcome);
        var e = turn.Escalation!;
        Assert.Equal("flow-end", e.Reason);
        Assert.Equal("ABCD-****-****-PQRS", e.Slots["licenseKey"]);
        Assert.Equal("認証エラー ABCD-****-****-PQRS", e.Slots["errorMessage"]);
        Assert.Equal("2.5.0", e.Slots["version"]);
        Assert.Equal("Windows 11", e.Slots["os"]);
        Assert.Contains(e.Tried, t => t.StartsWith("connection:", StringComparison.Ordinal));
        Assert.Contains(e.Tried, t => t.StartsWith("restart:", StringComparison.Ordinal));
        Assert.Equal("escalate", e.Path[^1]);
        Assert.DoesNotContain("ABCDEFGHJKMNPQRS", JsonSerializer.Serialize(session.State));
        Assert.DoesNotContain("EFGH", JsonSerializer.Serialize(session.State));
    }

    [Fact]
    public void Escalation_WhenATypedInputUsesUpItsAttempts_SaysGaveUp()
    {
        var session = Run("license-key", "rejected", "いいえ", "いいえ", "skip", "いいえ", "match", "this-pc-only", "valid",
            "いいえ", "いいえ", "いいえ", "none", "unknown", "other", "key", "わかりません", "キーです");
        var turn = session.Send("無理です");

        Assert.Equal(FlowOutcome.Escalated, turn.Outcome);
        Assert.Equal("gave-up", turn.Escalation!.Reason);
        Assert.Equal(["gather-key-input", "escalate"], turn.Escalation.Path.TakeLast(2));
    }

    [Fact]
    public void Back_AfterSetChoice_RestoresSlots()
    {
        var session = Run("passage-license", "はい", "12", "はい", "いいえ", "decreasing", "internet");
        Assert.Equal("internet", session.State.Slots["licenseType"]);

        session.Send("戻る");

        Assert.Equal("license-type", session.State.State);
        Assert.False(session.State.Slots.ContainsKey("licenseType"));
    }

    [Fact]
    public void Messages_CarryPlaceAndOutcome()
    {
        var (session, first) = FlowSession.Start(Catalog.Latest("passage-license")!);
        Assert.All(first.Messages, m => Assert.Equal(new FlowPlace("passage-license", "symptom", 0), m.Place));
        Assert.Equal(["seen", "other"], first.Messages[^1].Actions.Select(a => a.Id));

        var turn = session.Send("other");

        Assert.Equal("out-of-scope", turn.Messages[^1].Place.Outcome);
        Assert.Equal(1.0, turn.Messages[^1].Place.Progress);
    }

    [Fact]
    public void Progress_GrowsAlongAPath()
    {
        var flow = Catalog.Latest("passage-license")!;
        var path = new[] { "symptom", "remaining-days", "redraw", "countdown-check", "license-type", "internet-open-page", "corp-code-intro" };

        var values = path.Select(s => flow.Progress[s]).ToList();

        Assert.Equal(values.Order(), values);
        Assert.All(values, v => Assert.InRange(v, 0, 0.99));
    }

    [Theory]
    [InlineData("はい、でもまだ")]
    [InlineData("？？？")]
    public void NotUnderstoodTwice_EscalatesWithReason(string text)
    {
        var session = Run("passage-license", "はい", "12", "はい");
        var first = session.Send(text);
        Assert.Null(first.Outcome);
        Assert.Contains("ボタンから選んでください", first.Messages[0].Text);

        var second = session.Send("ぜんぜんわからない話");

        Assert.Equal(FlowOutcome.Escalated, second.Outcome);
        Assert.Equal("not-understood", second.Escalation!.Reason);
    }

    [Fact]
    public void PartialAnswer_UnambiguousLongerPhrase_Chosen()
    {
        var session = Run("passage-license", "はい", "12", "はい", "いいえ", "decreasing");

        session.Send("たぶん社内です");

        Assert.Equal("inhouse-open-page", session.State.State);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("２")]
    [InlineData("②")]
    [InlineData("2番")]
    public void Ordinal_OnChoiceQuestion_PicksThatButton(string text)
    {
        var session = Run("passage-license", "はい", "12", "はい", "いいえ", "decreasing");

        session.Send(text);

        Assert.Equal("inhouse-open-page", session.State.State);
    }

    [Fact]
    public void English_Locale_UsesEnglishTextsAndButtons()
    {
        var (_, turn) = FlowSession.Start(Catalog.Latest("license-key")!, "en-GB");

        Assert.StartsWith("I'll help you", turn.Messages[0].Text);
        Assert.Equal("I enter the key but activation fails", turn.Messages[^1].Actions[0].Label);
    }

    [Fact]
    public void Continue_AfterEnd_Throws()
    {
        var session = Run("passage-license", "other");

        Assert.Throws<InvalidOperationException>(() => session.Send("はい"));
    }

    private static FlowSession Run(string flowId, params string[] answers)
    {
        var (session, _) = FlowSession.Start(Catalog.Latest(flowId)!);
        foreach (var a in answers) session.Send(a);
        return session;
    }
}
