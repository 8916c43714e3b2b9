using System.Net;
using System.Text.Json.Nodes;
using SupportBot.Server.Tests.Infrastructure;

namespace SupportBot.Server.Tests.DirectLine;

public sealed class ActivityTests : DirectLineTestBase
{
    [Fact]
    public async Task PostActivity_Message_IsStampedEchoedAndAnswered()
    {
        var (token, conversationId, _) = await Client.StartAsync();
        var id = await Client.PostMessageAsync(conversationId, token, "こんにちは", "client-1");
        Assert.Equal($"{conversationId}|0000002", id);

        var page = await Client.GetActivitiesAsync(conversationId, token, "1");
        var activities = page["activities"]!.AsArray();
        Assert.Equal(2, activities.Count);
        var echo = activities[0]!;
        var userId = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(token).GetPayloadValue<string>("user");
        Assert.Equal(id, echo["id"]!.GetValue<string>());
        Assert.Equal(userId, echo["from"]!["id"]!.GetValue<string>()); // forced to the token's user
        Assert.Equal("user", echo["from"]!["role"]!.GetValue<string>());
        Assert.Equal("client-1", echo["channelData"]!["clientActivityID"]!.GetValue<string>());
        Assert.Equal("directline", echo["channelId"]!.GetValue<string>());
        Assert.Equal(conversationId, echo["conversation"]!["id"]!.GetValue<string>());
        Assert.Equal("bot", echo["recipient"]!["role"]!.GetValue<string>());
        Assert.EndsWith("Z", echo["timestamp"]!.GetValue<string>(), StringComparison.Ordinal);

        var reply = activities[1]!;
        Assert.Equal(id, reply["replyToId"]!.GetValue<string>());
        Assert.Equal("bot", reply["from"]!["role"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(reply["text"]!.GetValue<string>()));
        Assert.NotNull(reply["channelData"]!["supportBot"]!["state"]);
        Assert.Equal("3", page["watermark"]!.GetValue<string>());
    }

    [Fact]
    public async Task PostActivity_ProblemChoice_BotAnswersWithItsPlace()
    {
        var (token, conversationId, _) = await Client.StartAsync();
        await Client.PostMessageAsync(conversationId, token, "ライセンスキーが正しいのに認証できない");
        var replies = (await Client.GetActivitiesAsync(conversationId, token, "2"))["activities"]!.AsArray();
        Assert.NotEmpty(replies);
        Assert.All(replies, r =>
        {
            Assert.Equal("bot", r!["from"]!["role"]!.GetValue<string>());
            var progress = r["channelData"]!["supportBot"]!["progress"]!.GetValue<double>();
            Assert.InRange(progress, 0, 1);
        });
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("-")]
    public async Task GetActivities_NoWatermarkForms_ReturnWholeHistory(string? watermark)
    {
        var (token, conversationId, _) = await Client.StartAsync();
        await Client.PostMessageAsync(conversationId, token, "こんにちは");
        var page = await Client.GetActivitiesAsync(conversationId, token, watermark);
        Assert.Equal(3, page["activities"]!.AsArray().Count);
        Assert.Equal("3", page["watermark"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetActivities_WatermarkAtEnd_ReturnsEmptyAndSameWatermark()
    {
        var (token, conversationId, _) = await Client.StartAsync();
        var page = await Client.GetActivitiesAsync(conversationId, token, "1");
        Assert.Empty(page["activities"]!.AsArray());
        Assert.Equal("1", page["watermark"]!.GetValue<string>());
        var beyond = await Client.GetActivitiesAsync(conversationId, token, "50");
        Assert.Equal("50", beyond["watermark"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetActivities_NonNumericWatermark_Returns400Problem()
    {
        var (token, conversationId, _) = await Client.StartAsync();
        using var response = await Client.Send(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark=abc", token);
        await DirectLineTestClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "BadArgument");
    }

    [Fact]
    public async Task PostActivity_Typing_IsNotPersisted()
    {
        var (token, conversationId, _) = await Client.StartAsync();
        using var response = await Client.Send(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, """{"type":"typing"}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single((await Client.GetActivitiesAsync(conversationId, token))["activities"]!.AsArray());
    }

    [Fact]
    public async Task PostActivity_ConversationUpdateFromClient_IsAcceptedAndDropped()
    {
        var (token, conversationId, _) = await Client.StartAsync();
        using var response = await Client.Send(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token,
            """{"type":"conversationUpdate","membersAdded":[{"id":"x"}]}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single((await Client.GetActivitiesAsync(conversationId, token))["activities"]!.AsArray());
    }

    [Theory]
    [InlineData("{not json", "BadArgument")]
    [InlineData("""{"text":"no type"}""", "BadArgument")]
    [InlineData("[]", "BadArgument")]
    [InlineData("", "BadArgument")]
    public async Task PostActivity_BadBody_Returns400ProblemAndServerKeepsServing(string body, string code)
    {
        var (token, conversationId, _) = await Client.StartAsync();
        using var response = await Client.Send(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, body);
        await DirectLineTestClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, code);
        Assert.NotNull(await Client.PostMessageAsync(conversationId, token, "まだ動いていますか"));
    }

    [Fact]
    public async Task PostActivity_OneMegabyteBody_Returns413ProblemAndServerKeepsServing()
    {
        var (token, conversationId, _) = await Client.StartAsync();
        var huge = new JsonObject { ["type"] = "message", ["text"] = new string('あ', 1024 * 1024 / 3 + 10) }.ToJsonString();
        Assert.True(huge.Length > 256 * 1024);
        using var response = await Client.Send(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, huge);
        await DirectLineTestClient.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "MessageSizeTooBig");
        using var health = await Client.Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.NotNull(await Client.PostMessageAsync(conversationId, token, "まだ動いていますか"));
    }

    [Fact]
    public async Task PostActivity_TextLongerThanLimit_Returns400()
    {
        var (token, conversationId, _) = await Client.StartAsync();
        var body = new JsonObject { ["type"] = "message", ["text"] = new string('x', 4001) }.ToJsonString();
        using var response = await Client.Send(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, body);
        await DirectLineTestClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "BadArgument");
        var atLimit = new JsonObject { ["type"] = "message", ["text"] = new string('x', 4000) }.ToJsonString();
        using var ok = await Client.Send(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, atLimit);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task Upload_Always_Returns4xxProblemSayingUnsupported()
    {
        var (token, conversationId, _) = await Client.StartAsync();
        using var response = await Client.Send(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/upload?userId=u", token, "x", "text/plain");
        await DirectLineTestClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "UploadNotSupported");
        Assert.Contains("uploads are not supported", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSessionId_Always_Returns404()
    {
        using var response = await Client.Http.GetAsync("/v3/directline/session/getsessionid");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
