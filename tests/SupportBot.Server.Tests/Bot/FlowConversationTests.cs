using SupportBot.Server.Tests.DirectLine;
using static SupportBot.Server.Tests.Bot.BotConversation;

namespace SupportBot.Server.Tests.Bot;

/// <summary>The flows end to end over raw Direct Line (real host, temp SQLite, the repository's dialogs/).</summary>
public sealed class FlowConversationTests : DirectLineTestBase
{
    [Fact]
    public async Task GreetingChoice_PassageLicense_WalksToResolvedEnd_ThenOffersTheMenuAgain()
    {
        var (chat, greeting) = await StartAsync(Client);
        var welcome = Assert.Single(greeting);
        Assert.Equal("root", Flow(welcome));
        Assert.Equal(3, welcome["suggestedActions"]!["actions"]!.AsArray().Count);

        // dialogs/passage-license.tests.yaml: 残りが少ない → 再描画で解決
        var symptom = await chat.SayAsync("Passage に『ライセンスが確認できません』と表示される");
        Assert.Contains("赤い文字で", Text(symptom), StringComparison.Ordinal);
        Assert.All(symptom, m => Assert.Equal("passage-license", Flow(m)));
        Assert.Equal("symptom", State(symptom[^1]));

        Assert.Equal("remaining-days", State((await chat.SayAsync("はい"))[^1]));
        var urgent = await chat.SayAsync("残り3日");
        Assert.Contains("残りが 3 日です", Text(urgent), StringComparison.Ordinal);
        Assert.Equal("urgent", State(urgent[^1]));
        Assert.Equal("redraw", State((await chat.SayAsync("確認を始める"))[^1]));

        var end = await chat.SayAsync("はい");
        Assert.Contains("解決してよかったです", Text(end), StringComparison.Ordinal);
        var last = end.Last(m => Flow(m) == "passage-license");
        Assert.Equal("resolved", Outcome(last));
        Assert.Equal(1.0, Place(last)["progress"]!.GetValue<double>());
        var offer = end[^1];
        Assert.Equal("root", Flow(offer));
        Assert.Equal("restart", State(offer));
        Assert.Equal(3, offer["suggestedActions"]!["actions"]!.AsArray().Count);

        // Every bot message of the conversation carries its place.
        Assert.All(chat.All.Where(a => a["type"]!.GetValue<string>() == "message" && a["from"]!["role"]!.GetValue<string>() == "bot"),
            m => Assert.NotNull(Place(m)["state"]));

        // After the end, a menu button starts again.
        var again = await chat.SayAsync("ライセンスキーが正しいのに認証できない");
        Assert.Equal("license-key", Flow(again[^1]));
    }

    [Fact]
    public async Task FreeText_RemainingDays_StartsPassageLicense()
    {
        var (chat, _) = await StartAsync(Client);
        var replies = await chat.SayAsync("残り12日と表示されます");
        Assert.Equal("passage-license", Flow(replies[^1]));
        Assert.Equal("symptom", State(replies[^1]));
    }

    [Fact]
    public async Task FreeText_Unrelated_SaysWhatItCanHelpWith()
    {
        var (chat, _) = await StartAsync(Client);
        var replies = await chat.SayAsync("今日の天気を教えて");
        Assert.Equal("route", Flow(replies[^1]));
        Assert.Contains(replies[^1]["suggestedActions"]!["actions"]!.AsArray(), a => a!["title"]?.GetValue<string>() == "担当者と話したい" || a!["value"]?.GetValue<string>() == "担当者と話したい");
    }

    [Fact]
    public async Task Cancel_InsideAFlow_EndsCancelled_AndOffersTheMenu()
    {
        var (chat, _) = await StartAsync(Client);
        await chat.SayAsync("Passage に『ライセンスが確認できません』と表示される");
        var end = await chat.SayAsync("キャンセル");
        Assert.Contains(end, m => Outcome(m) == "cancelled");
        Assert.Equal("restart", State(end[^1]));
    }
}
