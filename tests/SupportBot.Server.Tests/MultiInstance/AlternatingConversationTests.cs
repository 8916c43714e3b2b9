using System.Text.Json.Nodes;
using SupportBot.Server.Tests.Infrastructure;
using static SupportBot.Server.Tests.Bot.BotConversation;

namespace SupportBot.Server.Tests.MultiInstance;

/// <summary>One conversation whose turns alternate between two real host processes walks the Passage flow to its end.</summary>
[Collection(MultiInstanceCollection.Name)]
public sealed class AlternatingConversationTests(SharedInstances shared)
{
    [Fact]
    public async Task PassageLicense_TurnsAlternateBetweenInstances_EndsResolved()
    {
        if (shared.Instances is not { } pair)
        {
            return; // no PostgreSQL test cluster here: tests/run and .ci/run provide one
        }

        // Web Chat's path on A: public token, then start with that token on B (B accepts A's token).
        var (token, conversationId) = await pair.ClientA.GetWidgetTokenAsync();
        using (var start = await pair.ClientB.Send(HttpMethod.Post, "/v3/directline/conversations", token, """{"user":{},"locale":"ja-JP"}"""))
        {
            Assert.Equal(System.Net.HttpStatusCode.Created, start.StatusCode);
        }
        var chat = new AlternatingChat(pair, token, conversationId);
        var greeting = await chat.ReadBotMessagesAsync(pair.ClientA);
        Assert.Equal("root", Flow(Assert.Single(greeting)));

        // dialogs/passage-license.tests.yaml: 残りが少ない → 再描画で解決; each message posted to the other instance.
        var symptom = await chat.SayAsync("Passage に『ライセンスが確認できません』と表示される");
        Assert.Contains("赤い文字で", Text(symptom), StringComparison.Ordinal);
        Assert.Equal("symptom", State(symptom[^1]));
        Assert.Equal("remaining-days", State((await chat.SayAsync("はい"))[^1]));
        var urgent = await chat.SayAsync("残り3日");
        Assert.Contains("残りが 3 日です", Text(urgent), StringComparison.Ordinal);
        Assert.Equal("urgent", State(urgent[^1]));
        Assert.Equal("redraw", State((await chat.SayAsync("確認を始める"))[^1]));
        var end = await chat.SayAsync("はい");
        Assert.Contains("解決してよかったです", Text(end), StringComparison.Ordinal);
        Assert.Equal("resolved", Outcome(end.Last(m => Flow(m) == "passage-license")));
        Assert.Equal("restart", State(end[^1]));

        var transcript = await Transcript.ReadAllAsync(pair.ClientB, new StartedConversation(conversationId, token, ""));
        Transcript.AssertAnsweredInOrderOnce(transcript, chat.Posted);
    }

    /// <summary>Posts each message to the instance after the last one, then reads the answers from the other instance.</summary>
    private sealed class AlternatingChat(TwoInstances pair, string token, string conversationId)
    {
        private string _watermark = "0";
        private int _turn;

        public List<string> Posted { get; } = [];

        public async Task<IReadOnlyList<JsonNode>> SayAsync(string text)
        {
            var postTo = pair.Client(_turn);
            var readFrom = pair.Client(_turn + 1);
            _turn++;
            Posted.Add(await postTo.PostMessageAsync(conversationId, token, text));
            return await ReadBotMessagesAsync(readFrom);
        }

        public async Task<IReadOnlyList<JsonNode>> ReadBotMessagesAsync(DirectLineTestClient client)
        {
            var page = await client.GetActivitiesAsync(conversationId, token, _watermark);
            _watermark = page["watermark"]!.GetValue<string>();
            return [.. page["activities"]!.AsArray().Select(a => a!).Where(Transcript.IsBotMessage)];
        }
    }
}
