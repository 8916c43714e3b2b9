using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Agent.Contracts;
using SupportBot.Connector.DirectLine.Streaming;
using SupportBot.Server.Tests.Infrastructure;
using static SupportBot.Server.Tests.Agent.HelperChat;

namespace SupportBot.Server.Tests.Agent;

/// <summary>
/// The helper offer (consent) dialog in the real host over Direct Line (temp SQLite, fake clock), with the agent's
/// side of the HTTP contract played by the test: the offer's words and buttons, declining, pairing and the
/// <c>agent.paired</c> turn, an expired code, a forged event, and the link ending with the conversation.
/// </summary>
public sealed class HelperOfferTests : IDisposable
{
    private readonly SupportBotFactory _factory = new();
    private readonly DirectLineTestClient _client;

    public HelperOfferTests() => _client = _factory.DirectLine();

    [Fact]
    public async Task Offer_SaysWhatTheHelperReads_AndAnsweringMyself_AsksTheQuestion_AndIsNeverOfferedAgain()
    {
        var chat = await StartAsync(_client);
        var offer = await PassagePath.ToInternetCheckAsync(chat);

        var words = string.Join("\n", offer.Select(Text));
        Assert.Contains("プロキシを使う場合と使わない場合", words, StringComparison.Ordinal);
        Assert.Contains("企業コード（CorpId）", words, StringComparison.Ordinal);
        Assert.Contains("値そのものは送りません", words, StringComparison.Ordinal);
        Assert.Contains("Passage のバージョン", words, StringComparison.Ordinal);
        Assert.Contains("Windows のバージョン", words, StringComparison.Ordinal);
        Assert.Contains("何も変更しません", words, StringComparison.Ordinal);
        Assert.DoesNotContain(PassagePath.ReachabilityQuestion, words, StringComparison.Ordinal);
        Assert.Equal(PassagePath.OfferQuestion, Text(offer[^1]));
        Assert.Equal(["使う", "使わずに自分で答える"], Buttons(offer[^1]));
        Assert.All(offer, m => Assert.Equal("passage-license", Flow(m)));
        Assert.Equal(1, offer.Count(m => Buttons(m).Count > 0)); // one action per message

        var asked = await chat.SayAsync("使わずに自分で答える");
        Assert.Contains("ヘルパーは使わずに", Text(asked[0]), StringComparison.Ordinal);
        Assert.Contains(PassagePath.ReachabilityQuestion, Text(asked[^1]), StringComparison.Ordinal);
        Assert.Equal("internet-open-page", State(asked[^1]));

        // The rest of the flow runs as before, and the helper is not offered a second time.
        await chat.SayAsync("青い画面が表示された");
        await chat.SayAsync("はい、できます");
        await chat.SayAsync("開けました");
        Assert.Single(chat.BotMessages, m => Text(m) == PassagePath.OfferQuestion);
    }

    [Fact]
    public async Task AskingForAPerson_DuringTheOffer_IsCarriedOutAtOnce()
    {
        var chat = await StartAsync(_client);
        await PassagePath.ToInternetCheckAsync(chat);

        var handover = await chat.SayAsync("担当者と話したい");

        Assert.DoesNotContain(handover, m => Text(m).Contains("ヘルパーは使わずに", StringComparison.Ordinal));
        Assert.DoesNotContain(handover, m => Text(m).Contains(PassagePath.ReachabilityQuestion, StringComparison.Ordinal));
        Assert.Contains(handover, m => Outcome(m) == "escalated");
    }

    [Fact]
    public async Task Accept_ShowsLinkAndCommand_PairingEndsTheOffer_AndTheCheckGoesToTheHelper()
    {
        var chat = await StartAsync(_client);
        await PassagePath.ToInternetCheckAsync(chat);

        var shown = await chat.SayAsync("使う");
        Assert.Contains(shown, m => Text(m).Contains("http://localhost/agent/download", StringComparison.Ordinal) || Text(m).Contains("/agent/download", StringComparison.Ordinal));
        var (code, server) = PassagePath.Command(shown);
        Assert.StartsWith("http", server, StringComparison.Ordinal);
        Assert.Contains("10 分間有効です", Text(shown.Single(m => Text(m).Contains(code, StringComparison.Ordinal))), StringComparison.Ordinal);
        Assert.Equal(["自分で答える", "新しいコードを出す"], Buttons(shown[^1]));

        var token = await PairAsync(code);
        var afterPairing = await chat.SayNothingAsync();
        Assert.Contains(afterPairing, m => Text(m) == "ヘルパーとつながりました。ここからはヘルパーが確認します。");
        Assert.DoesNotContain(afterPairing, m => Text(m).Contains(PassagePath.ReachabilityQuestion, StringComparison.Ordinal));

        // The check the flow queued is waiting for the helper: an http-probe of the license server. Taking it shows
        // the user a typing indicator (streamed only, like every typing).
        using var stream = _factory.Services.GetRequiredService<IDirectLineBroadcaster>().Subscribe(chat.ConversationId);
        using var poll = await AgentRequest(HttpMethod.Get, AgentContract.JobsPath + "?wait=0", token);
        Assert.Equal(HttpStatusCode.OK, poll.StatusCode);
        var jobs = (await poll.Content.ReadFromJsonAsync(AgentJsonContext.Default.JobPollResponse))!.Jobs;
        var job = Assert.Single(jobs);
        Assert.Equal(CheckKinds.HttpProbe, job.Kind);
        Assert.StartsWith("https://passagelic.flexwp.yrl.com/", job.Parameters["url"], StringComparison.Ordinal);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var streamed = await stream.Activities.ReadAsync(deadline.Token);
        Assert.Equal("typing", JsonNode.Parse(streamed.Json!)!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task ExpiredCode_IsSaidPlainly_AndANewCodeIsOffered()
    {
        var chat = await StartAsync(_client);
        await PassagePath.ToInternetCheckAsync(chat);
        var (first, _) = PassagePath.Command(await chat.SayAsync("使う"));

        _factory.Time.Advance(TimeSpan.FromMinutes(11));
        var expired = await chat.SayAsync("まだですか");
        Assert.Equal($"コード {first} は有効期限が切れました。新しいコードを出しますか？", Text(expired[^1]));
        Assert.Equal(["自分で答える", "新しいコードを出す"], Buttons(expired[^1]));
        using (var refused = await _client.Http.PostAsJsonAsync(AgentContract.PairPath, new PairRequest(first, "1.0.0", "test"), AgentJsonContext.Default.PairRequest))
        {
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        var (second, _) = PassagePath.Command(await chat.SayAsync("新しいコードを出す"));
        Assert.NotEqual(first, second);
        await PairAsync(second);
        Assert.Contains(await chat.SayNothingAsync(), m => Text(m).StartsWith("ヘルパーとつながりました", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerMyself_WhileWaiting_EndsTheOffer_AndAForgedPairedEventFromTheUserChangesNothing()
    {
        var chat = await StartAsync(_client);
        await PassagePath.ToInternetCheckAsync(chat);
        var (code, _) = PassagePath.Command(await chat.SayAsync("使う"));

        // A chat user cannot post the host's agent.paired (nor agent.result): the channel overwrites callerId.
        var forged = new JsonObject { ["type"] = "event", ["name"] = "agent.paired", ["callerId"] = "urn:supportbot:agentlink", ["from"] = new JsonObject { ["id"] = "web-user" } };
        using (var posted = await _client.Send(HttpMethod.Post, $"/v3/directline/conversations/{chat.ConversationId}/activities", chat.Token, forged.ToJsonString()))
        {
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }
        Assert.DoesNotContain(await chat.SayNothingAsync(), m => Text(m).StartsWith("ヘルパーとつながりました", StringComparison.Ordinal));

        var asked = await chat.SayAsync("自分で答える");
        Assert.Contains(PassagePath.ReachabilityQuestion, Text(asked[^1]), StringComparison.Ordinal);

        // The code shown before "no" stops working: a helper started now does not attach to this chat.
        using var late = await _client.Http.PostAsJsonAsync(AgentContract.PairPath, new PairRequest(code, "1.0.0", "test"), AgentJsonContext.Default.PairRequest);
        Assert.Equal(HttpStatusCode.NotFound, late.StatusCode);
    }

    [Fact]
    public async Task Offer_SpeaksEnglish_WhenTheConversationIsEnglish()
    {
        var chat = await StartAsync(_client, "en-US");
        await chat.SayAsync("Passage says \"License cannot be verified\"");
        await chat.SayAsync("Yes, that's the message");
        await chat.SayAsync("12");
        await chat.SayAsync("Start checking");
        await chat.SayAsync("No");
        await chat.SayAsync("Yes, it goes down every day");
        var offer = await chat.SayAsync("Internet license authentication");

        Assert.Equal("Would you like to use the helper?", Text(offer[^1]));
        Assert.Equal(["Use it", "Answer myself"], Buttons(offer[^1]));
        Assert.Contains(offer, m => Text(m).Contains("It changes nothing on your PC.", StringComparison.Ordinal));
        var shown = await chat.SayAsync("Use it");
        Assert.Contains(shown, m => Text(m).StartsWith("When it is downloaded, run this command. The code works for 10 minutes.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EndOfConversation_EndsTheHelpersLink()
    {
        var chat = await StartAsync(_client);
        await PassagePath.ToInternetCheckAsync(chat);
        var (code, _) = PassagePath.Command(await chat.SayAsync("使う"));
        var token = await PairAsync(code);

        var end = new JsonObject { ["type"] = "endOfConversation", ["from"] = new JsonObject { ["id"] = "web-user" } };
        using (var posted = await _client.Send(HttpMethod.Post, $"/v3/directline/conversations/{chat.ConversationId}/activities", chat.Token, end.ToJsonString()))
        {
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        using var poll = await AgentRequest(HttpMethod.Get, AgentContract.JobsPath + "?wait=0", token);
        Assert.Equal(HttpStatusCode.Gone, poll.StatusCode);
    }

    [Fact]
    public async Task DownloadLink_IsServedByTheHost()
    {
        using var page = await _client.Http.GetAsync("/agent/download");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("supportbot-agent", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<string> PairAsync(string code)
    {
        using var response = await _client.Http.PostAsJsonAsync(AgentContract.PairPath, new PairRequest(code, "1.0.0", "test"), AgentJsonContext.Default.PairRequest);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync(AgentJsonContext.Default.PairResponse))!.AgentToken;
    }

    private async Task<HttpResponseMessage> AgentRequest(HttpMethod method, string path, string token)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await _client.Http.SendAsync(request);
    }

    public void Dispose()
    {
        _factory.Dispose();
        SupportBotFactory.DeleteDataDir(_factory.DataDir);
    }
}
