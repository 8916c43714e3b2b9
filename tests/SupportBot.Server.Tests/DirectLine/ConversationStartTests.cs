using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using SupportBot.Server.Tests.Infrastructure;

namespace SupportBot.Server.Tests.DirectLine;

public sealed class ConversationStartTests : DirectLineTestBase
{
    [Fact]
    public async Task PublicToken_NoBody_ReturnsScopedTokenWithGeneratedDlUser()
    {
        using var response = await Client.Http.PostAsync("/api/directline/token", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(1800, json["expires_in"]!.GetValue<int>());
        var jwt = new JsonWebToken(json["token"]!.GetValue<string>());
        Assert.Equal(json["conversationId"]!.GetValue<string>(), jwt.GetPayloadValue<string>("conv"));
        Assert.StartsWith("dl_", jwt.GetPayloadValue<string>("user"), StringComparison.Ordinal);
        Assert.Equal("HS256", jwt.Alg);
    }

    [Fact]
    public async Task PublicToken_WithUserId_EmbedsItWithDlPrefix()
    {
        var (token, _) = await Client.GetWidgetTokenAsync("""{"user":{"id":"customer-42"}}""");
        Assert.Equal("dl_customer-42", new JsonWebToken(token).GetPayloadValue<string>("user"));
    }

    [Fact]
    public async Task PublicToken_UnsafeUserId_Returns400Problem()
    {
        using var response = await Client.Http.PostAsync("/api/directline/token", DirectLineTestClient.Json("""{"user":{"id":"<script>"}}"""));
        await DirectLineTestClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "BadArgument");
    }

    [Fact]
    public async Task StartConversation_WithToken_Returns201WithAbsoluteStreamUrlThen200()
    {
        var (token, conversationId, started) = await Client.StartAsync();
        Assert.Equal(conversationId, started["conversationId"]!.GetValue<string>());
        var streamUrl = started["streamUrl"]!.GetValue<string>();
        Assert.StartsWith($"ws://localhost/v3/directline/conversations/{conversationId}/stream?t=", streamUrl, StringComparison.Ordinal);

        using var again = await Client.Send(HttpMethod.Post, "/v3/directline/conversations", token, "{}");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        // Still exactly one welcome: the bot was told once.
        var history = await Client.GetActivitiesAsync(conversationId, token);
        Assert.Single(history["activities"]!.AsArray());
    }

    [Fact]
    public async Task StartConversation_BehindHttpsProxy_StreamUrlIsWss()
    {
        var (token, _) = await Client.GetWidgetTokenAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await Client.Http.SendAsync(request);
        var json = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.StartsWith("wss://", json["streamUrl"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartConversation_Japanese_WelcomesWithMenuAndPlaceNeverSendsConversationUpdate()
    {
        var (token, conversationId, _) = await Client.StartAsync();
        var history = await Client.GetActivitiesAsync(conversationId, token);
        var welcome = Assert.Single(history["activities"]!.AsArray())!.AsObject();
        Assert.Equal("message", welcome["type"]!.GetValue<string>());
        Assert.Equal("bot", welcome["from"]!["role"]!.GetValue<string>());
        Assert.Contains("お困りごと", welcome["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(welcome["replyToId"]);
        var titles = welcome["suggestedActions"]!["actions"]!.AsArray().Select(a => a!["title"]!.GetValue<string>());
        Assert.Equal(["Passage に『ライセンスが確認できません』と表示される", "ライセンスキーが正しいのに認証できない", "担当者と話したい"], titles);
        Assert.Equal("""{"flow":"root","state":"welcome","progress":0}""", welcome["channelData"]!["supportBot"]!.ToJsonString());
        Assert.Equal("1", history["watermark"]!.GetValue<string>());
    }

    [Fact]
    public async Task StartConversation_EnglishLocale_GreetsInEnglish()
    {
        var (token, conversationId, _) = await Client.StartAsync("en-US");
        var welcome = (await Client.GetActivitiesAsync(conversationId, token))["activities"]![0]!;
        Assert.StartsWith("Hello", welcome["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartConversation_WithSecret_CreatesNewConversation()
    {
        using var response = await Client.Send(HttpMethod.Post, "/v3/directline/conversations", ReadSecret(), """{"user":{"id":"dl_backend"}}""");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("dl_backend", new JsonWebToken(json["token"]!.GetValue<string>()).GetPayloadValue<string>("user"));
    }

    [Fact]
    public async Task TokensGenerate_Secret_ReservesConversationWithoutStreamUrl()
    {
        using var response = await Client.Send(HttpMethod.Post, "/v3/directline/tokens/generate", ReadSecret(), """{"user":{"id":"dl_x"}}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Null(json["streamUrl"]);
        using var start = await Client.Send(HttpMethod.Post, "/v3/directline/conversations", json["token"]!.GetValue<string>(), null);
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
    }

    [Fact]
    public async Task TokensGenerate_TokenInsteadOfSecret_Returns403()
    {
        var (token, _) = await Client.GetWidgetTokenAsync();
        using var response = await Client.Send(HttpMethod.Post, "/v3/directline/tokens/generate", token, null);
        await DirectLineTestClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "TokenInvalid");
    }

    [Fact]
    public async Task TokensGenerate_NoAuthorization_Returns401()
    {
        using var response = await Client.Send(HttpMethod.Post, "/v3/directline/tokens/generate", null, null);
        await DirectLineTestClient.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "MissingAuthorization");
    }

    [Fact]
    public async Task ResumeConversation_Token_ReturnsFreshStreamUrlWithWatermark()
    {
        var (token, conversationId, _) = await Client.StartAsync();
        using var response = await Client.Send(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}?watermark=1", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.EndsWith("&watermark=1", json["streamUrl"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(conversationId, json["conversationId"]!.GetValue<string>());
    }

    [Fact]
    public async Task ResumeConversation_UnknownIdWithSecret_Returns404()
    {
        using var response = await Client.Send(HttpMethod.Get, "/v3/directline/conversations/nope", ReadSecret());
        await DirectLineTestClient.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    private string ReadSecret() => File.ReadAllText(Path.Combine(Factory.DataDir, "directline.secret")).Trim();
}
