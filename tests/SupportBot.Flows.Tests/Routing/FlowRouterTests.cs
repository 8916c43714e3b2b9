using SupportBot.Flows.Routing;
using SupportBot.Flows.Runtime;
using Xunit.Abstractions;

namespace SupportBot.Flows.Tests.Routing;

public class FlowRouterTests(ITestOutputHelper output)
{
    private static readonly FlowRouter Router = new(FlowCatalog.Load(RepoPaths.Dialogs).Flows);

    [Theory]
    [InlineData("ライセンスが確認できませんと出る", "passage-license")]
    [InlineData("残り12日って表示", "passage-license")]
    [InlineData("Passageのプレートに赤字でライセンスが確認できませんって出てます", "passage-license")]
    [InlineData("残り日数が減っていくんですが大丈夫ですか", "passage-license")]
    [InlineData("キーを入れても認証されない", "license-key")]
    [InlineData("アクティベーションできない", "license-key")]
    [InlineData("ライセンスキーが正しいのに認証エラーになります", "license-key")]
    [InlineData("プロダクトキーを入力しても通らない", "license-key")]
    [InlineData("Passage shows license could not be verified, 5 days left", "passage-license")]
    [InlineData("my license key is correct but it will not activate", "license-key")]
    public void Route_RealisticPhrasing_PicksFlow(string text, string expected)
    {
        var result = Router.Route(text);
        output.WriteLine(string.Join(", ", result.Candidates.Select(c => $"{c.Flow.Id}={c.Score}")));

        Assert.Equal(RouteKind.Match, result.Kind);
        Assert.Equal(expected, result.Flow!.Id);
    }

    [Theory]
    [InlineData("プリンターが動かない")]
    [InlineData("パスワードを忘れました")]
    [InlineData("会議室の予約をしたい")]
    [InlineData("my printer is broken")]
    [InlineData("こんにちは")]
    public void Route_Unrelated_OutOfScope(string text)
    {
        var result = Router.Route(text);
        output.WriteLine(string.Join(", ", result.Candidates.Select(c => $"{c.Flow.Id}={c.Score}")));

        Assert.Equal(RouteKind.OutOfScope, result.Kind);
    }

    [Theory]
    [InlineData("ライセンス認証ができない")]
    [InlineData("ライセンスのことで困っています")]
    [InlineData("license problem")]
    public void Route_Vague_AsksWhichOfTwo(string text)
    {
        var result = Router.Route(text);
        output.WriteLine(string.Join(", ", result.Candidates.Select(c => $"{c.Flow.Id}={c.Score}")));

        Assert.Equal(RouteKind.Ambiguous, result.Kind);
        Assert.Equal(2, result.Candidates.Count);
    }
}
