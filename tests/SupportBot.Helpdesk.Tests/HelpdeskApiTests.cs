using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Helpdesk.Escalation;
using SupportBot.Helpdesk.Relay;

namespace SupportBot.Helpdesk.Tests;

public sealed class HelpdeskApiTests : IAsyncLifetime
{
    private ApiTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<EscalationResult> EscalateAsync(string conversationId = "conv-1", int? remainingDays = 5)
        => _host.App.Services.GetRequiredService<EscalationService>().EscalateAsync(TestData.Draft(conversationId, remainingDays));

    [Theory]
    [InlineData("/api/helpdesk/queue")]
    [InlineData("/api/helpdesk/tickets")]
    [InlineData("/api/helpdesk/tickets/export.csv")]
    [InlineData("/api/helpdesk/outbox/failures")]
    public async Task UnauthenticatedApiCallsGet401(string path)
    {
        using var client = _host.Client();
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task WrongPasswordGets401()
    {
        using var client = _host.Client();
        client.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("agent:wrong")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/helpdesk/queue")).StatusCode);
    }

    [Fact]
    public async Task BasicOverPlainHttpIsRefusedUnlessAllowed()
    {
        var options = _host.App.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<HelpdeskOptions>>().CurrentValue;
        options.AllowBasicOverHttp = false;
        try
        {
            using var agent = _host.Client("agent");
            Assert.Equal(HttpStatusCode.Unauthorized, (await agent.GetAsync("/api/helpdesk/queue")).StatusCode);
        }
        finally
        {
            options.AllowBasicOverHttp = true;
        }
    }

    [Fact]
    public async Task WrongRoleGets403()
    {
        using var viewer = _host.Client("viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/api/helpdesk/queue")).StatusCode);
        using var agent = _host.Client("agent");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/helpdesk/outbox/failures")).StatusCode);
        using var admin = _host.Client("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/helpdesk/outbox/failures")).StatusCode);
    }

    [Fact]
    public async Task AnAgentListsClaimsChatsAndClosesAndTheUserIsToldAndRates()
    {
        var normal = await EscalateAsync("conv-a", remainingDays: null);
        var urgent = await EscalateAsync("conv-b", remainingDays: 1);
        using var client = _host.Client("agent");

        using (var queue = JsonDocument.Parse(await client.GetStringAsync("/api/helpdesk/queue")))
        {
            var numbers = queue.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetString()).ToList();
            Assert.Equal([urgent.Ticket.Number, normal.Ticket.Number], numbers);
            Assert.Equal("urgent", queue.RootElement.GetProperty("items")[0].GetProperty("priority").GetString());
        }
        using (var detail = JsonDocument.Parse(await client.GetStringAsync($"/api/helpdesk/tickets/{urgent.Ticket.Number}")))
        {
            var ticket = detail.RootElement.GetProperty("ticket");
            Assert.Equal("license-key", ticket.GetProperty("flowId").GetString());
            Assert.Equal(1, ticket.GetProperty("transcript").GetArrayLength());
            Assert.Equal("created", detail.RootElement.GetProperty("events")[0].GetProperty("kind").GetString());
        }

        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync($"/api/helpdesk/tickets/{urgent.Ticket.Number}/messages", new { text = "早すぎ" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/helpdesk/tickets/{urgent.Ticket.Number}/claim", null)).StatusCode);
        using var admin = _host.Client("admin");
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/helpdesk/tickets/{urgent.Ticket.Number}/claim", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/helpdesk/tickets/SB-19990101-0001/claim", null)).StatusCode);

        var relay = _host.App.Services.GetRequiredService<IHelpdeskRelay>();
        Assert.True(await relay.IsLiveAsync("conv-b"));
        Assert.False(await relay.TryRelayUserMessageAsync("conv-a", "こんにちは"));
        Assert.True(await relay.TryRelayUserMessageAsync("conv-b", "まだ動きません"));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/helpdesk/tickets/{urgent.Ticket.Number}/messages", new { text = "再起動をお願いします" })).StatusCode);
        var createdId = (await client.GetFromJsonAsync<JsonElement>($"/api/helpdesk/tickets/{urgent.Ticket.Number}/events"))[0].GetProperty("id").GetInt64();
        var events = await client.GetFromJsonAsync<JsonElement>($"/api/helpdesk/tickets/{urgent.Ticket.Number}/events?after={createdId}");
        Assert.Equal(["claimed", "user-message", "staff-message"], events.EnumerateArray().Select(e => e.GetProperty("kind").GetString()));

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/helpdesk/tickets/{urgent.Ticket.Number}/close", new { note = "解決" })).StatusCode);
        Assert.False(await relay.IsLiveAsync("conv-b"));
        Assert.True(await relay.TryRelayUserMessageAsync("conv-b", "５"));
        Assert.False(await relay.TryRelayUserMessageAsync("conv-b", "4"));

        var notices = _host.Messenger.Notices.Where(n => n.ConversationId == "conv-b").ToList();
        Assert.Equal([HelpdeskNoticeKind.StaffJoined, HelpdeskNoticeKind.StaffMessage, HelpdeskNoticeKind.ClosedAskRating, HelpdeskNoticeKind.RatingThanks],
            notices.Select(n => n.Kind));
        Assert.Contains("担当者が参加しました", notices[0].Text, StringComparison.Ordinal);
        Assert.Equal("佐藤", notices[1].SenderName);
        Assert.Equal(["1", "2", "3", "4", "5"], notices[2].SuggestedReplies);
        var rated = await client.GetFromJsonAsync<JsonElement>($"/api/helpdesk/tickets/{urgent.Ticket.Number}");
        Assert.Equal(5, rated.GetProperty("ticket").GetProperty("rating").GetInt32());
        Assert.Equal("agent", rated.GetProperty("ticket").GetProperty("assignee").GetString());
    }

    [Fact]
    public async Task SearchAndCsvExport()
    {
        var first = await EscalateAsync("conv-a");
        await EscalateAsync("conv-b");
        using var client = _host.Client("agent");

        var search = await client.GetFromJsonAsync<JsonElement>($"/api/helpdesk/tickets?q={first.Ticket.Number}&status=open");
        Assert.Equal(1, search.GetProperty("total").GetInt32());

        var response = await client.GetAsync("/api/helpdesk/tickets/export.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("number,status,priority,", lines[0], StringComparison.Ordinal);
        Assert.Contains(first.Ticket.Number + ",open,high,", lines[1] + lines[2], StringComparison.Ordinal);
        Assert.Contains("ライセンスが確認できません", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain(TestData.LicenseKey, lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheConsoleRedirectsToLoginAndServesThePageAfterSignIn()
    {
        using var anonymous = _host.Client();
        var redirect = await anonymous.GetAsync("/helpdesk");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.StartsWith("/helpdesk/login", redirect.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var login = await anonymous.GetAsync("/helpdesk/login");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("ログイン", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var browser = _host.Client(cookies: true);
        var failed = await browser.PostAsJsonAsync("/api/helpdesk/login", new { userName = "agent", password = "wrong" });
        Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        var signedIn = await browser.PostAsJsonAsync("/api/helpdesk/login", new { userName = "agent", password = ApiTestHost.Password });
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var page = await browser.GetAsync("/helpdesk");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("ヘルプデスク", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/helpdesk/queue")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/helpdesk/assets/helpdesk.js")).StatusCode);

        using var viewer = _host.Client(cookies: true);
        await viewer.PostAsJsonAsync("/api/helpdesk/login", new { userName = "viewer", password = ApiTestHost.Password });
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/helpdesk")).StatusCode);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheApi()
    {
        using var client = _host.Client();
        var document = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/helpdesk/tickets/{number}/claim", document, StringComparison.Ordinal);
        Assert.DoesNotContain("\"/helpdesk\"", document, StringComparison.Ordinal);
    }
}
