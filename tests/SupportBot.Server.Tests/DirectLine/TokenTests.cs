using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SupportBot.Server.Tests.Infrastructure;

namespace SupportBot.Server.Tests.DirectLine;

public sealed class TokenTests : DirectLineTestBase
{
    [Fact]
    public async Task Refresh_ValidToken_ReturnsNewTokenForSameConversation()
    {
        var (token, conversationId, _) = await Client.StartAsync();
        Factory.Time.Advance(TimeSpan.FromMinutes(15));
        using var response = await Client.Send(HttpMethod.Post, "/v3/directline/tokens/refresh", token, null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var refreshed = json["token"]!.GetValue<string>();
        Assert.NotEqual(token, refreshed);
        Assert.Equal(conversationId, json["conversationId"]!.GetValue<string>());

        // The old token dies at its own expiry; the new one lives on.
        Factory.Time.Advance(TimeSpan.FromMinutes(20));
        using var old = await Client.Send(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", token);
        await DirectLineTestClient.AssertProblemAsync(old, HttpStatusCode.Forbidden, "TokenExpired");
        Assert.Single((await Client.GetActivitiesAsync(conversationId, refreshed))["activities"]!.AsArray());
    }

    [Fact]
    public async Task ExpiredToken_PostAndRefresh_Return403TokenExpired()
    {
        var (token, conversationId, _) = await Client.StartAsync();
        Factory.Time.Advance(TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1));
        using var post = await Client.Send(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, """{"type":"message","text":"hi"}""");
        await DirectLineTestClient.AssertProblemAsync(post, HttpStatusCode.Forbidden, "TokenExpired");
        using var refresh = await Client.Send(HttpMethod.Post, "/v3/directline/tokens/refresh", token, null);
        await DirectLineTestClient.AssertProblemAsync(refresh, HttpStatusCode.Forbidden, "TokenExpired");
    }

    [Fact]
    public async Task TokenOfAnotherConversation_Returns403Everywhere()
    {
        var (tokenA, _, _) = await Client.StartAsync();
        var (_, conversationB, _) = await Client.StartAsync();
        foreach (var (method, url) in new[]
        {
            (HttpMethod.Get, $"/v3/directline/conversations/{conversationB}/activities"),
            (HttpMethod.Post, $"/v3/directline/conversations/{conversationB}/activities"),
            (HttpMethod.Get, $"/v3/directline/conversations/{conversationB}"),
        })
        {
            using var response = await Client.Send(method, url, tokenA, method == HttpMethod.Post ? """{"type":"message","text":"x"}""" : null);
            await DirectLineTestClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "TokenInvalid");
        }
    }

    [Fact]
    public async Task TamperedOrForeignToken_Returns403TokenInvalid()
    {
        var (token, conversationId, _) = await Client.StartAsync();
        var tampered = token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        using var response = await Client.Send(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", tampered);
        await DirectLineTestClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "TokenInvalid");
        using var garbage = await Client.Send(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", "not-a-jwt");
        await DirectLineTestClient.AssertProblemAsync(garbage, HttpStatusCode.Forbidden, "TokenInvalid");
    }

    [Fact]
    public async Task ConfiguredSecret_SignsTokensAndAuthenticatesBackends()
    {
        const string secret = "configured-secret-0123456789-abcdefghijklmnop";
        using var factory = new SupportBotFactory(settings: new Dictionary<string, string?> { ["DirectLine:Secret"] = secret });
        try
        {
            var client = factory.DirectLine();
            using var response = await client.Send(HttpMethod.Post, "/v3/directline/tokens/generate", secret, null);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(File.Exists(Path.Combine(factory.DataDir, "directline.secret")));
        }
        finally
        {
            SupportBotFactory.DeleteDataDir(factory.DataDir);
        }
    }
}
