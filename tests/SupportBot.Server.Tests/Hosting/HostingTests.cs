using System.Net;
using SupportBot.Server.Tests.DirectLine;
using SupportBot.Server.Tests.Infrastructure;

namespace SupportBot.Server.Tests.Hosting;

public sealed class HostingTests : DirectLineTestBase
{
    [Fact]
    public async Task Healthz_And_Readyz_Return200()
    {
        Assert.Equal(HttpStatusCode.OK, (await Client.Http.GetAsync("/healthz")).StatusCode);
        Assert.Equal("ready", await Client.Http.GetStringAsync("/readyz"));
    }

    [Fact]
    public async Task Root_ServesJapaneseFaqPageWithChatButtonAndLocalWebChat()
    {
        using var response = await Client.Http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("チャットで聞く", html, StringComparison.Ordinal);
        Assert.Contains("ライセンスが確認できません", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"lib/webchat.js\"></script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://cdn", html, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        using var bundle = await Client.Http.GetAsync("/lib/webchat.js");
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.True(bundle.Content.Headers.ContentLength > 1_000_000);
        Assert.Equal(HttpStatusCode.OK, (await Client.Http.GetAsync("/js/chat.js")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.Http.GetAsync("/lib/stats.json")).StatusCode);
    }

    [Fact]
    public async Task UnknownPath_Returns404ProblemJson()
    {
        using var response = await Client.Http.GetAsync("/no/such/thing");
        await DirectLineTestClient.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CorsPreflight_DirectLine_AllowsWebChatHeaders()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/v3/directline/conversations");
        request.Headers.Add("Origin", "https://support.example.com");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent");
        using var response = await Client.Http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var allowed = string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
        Assert.Contains("x-ms-bot-agent", allowed, StringComparison.Ordinal);
        Assert.Contains("authorization", allowed, StringComparison.Ordinal);
    }
}

public sealed class TokenRateLimitTests() : DirectLineTestBase(new Dictionary<string, string?> { ["SupportBot:TokenRateLimit:PermitLimit"] = "2" })
{
    [Fact]
    public async Task PublicToken_OverLimitFromOneAddress_Returns429ProblemWithRetryAfter()
    {
        Assert.Equal(HttpStatusCode.OK, (await Client.Http.PostAsync("/api/directline/token", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.Http.PostAsync("/api/directline/token", null)).StatusCode);
        using var limited = await Client.Http.PostAsync("/api/directline/token", null);
        await DirectLineTestClient.AssertProblemAsync(limited, HttpStatusCode.TooManyRequests, "TooManyRequests");
        Assert.True(limited.Headers.RetryAfter is not null);
    }
}
