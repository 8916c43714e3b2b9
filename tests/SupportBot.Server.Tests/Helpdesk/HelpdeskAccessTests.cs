using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Helpdesk.Tickets;
using SupportBot.Server.Tests.Bot;
using SupportBot.Server.Tests.Infrastructure;

namespace SupportBot.Server.Tests.Helpdesk;

/// <summary>
/// The staff console and API as the real host maps them (Kestrel, 127.0.0.1): every route refuses a caller without
/// credentials, with a wrong password, with a Direct Line user token, or with an account that lacks the staff role;
/// a refused write changes nothing.
/// </summary>
public sealed class HelpdeskAccessTests : IDisposable
{
    private static readonly TicketStatus[] Active = [TicketStatus.Open, TicketStatus.Claimed];
    private readonly HelpdeskKestrelHost _host = HelpdeskKestrelHost.Start(SupportBotFactory.NewDataDir(), webhookUrl: null);

    public static TheoryData<string, string> StaffRoutes() => new()
    {
        { "GET", "api/helpdesk/queue" },
        { "GET", "api/helpdesk/tickets" },
        { "GET", "api/helpdesk/tickets/export.csv" },
        { "GET", "api/helpdesk/tickets/{number}" },
        { "GET", "api/helpdesk/tickets/{number}/events" },
        { "POST", "api/helpdesk/tickets/{number}/claim" },
        { "POST", "api/helpdesk/tickets/{number}/messages" },
        { "POST", "api/helpdesk/tickets/{number}/close" },
        { "GET", "api/helpdesk/outbox/failures" },
        { "GET", "api/helpdesk/me" },
    };

    [Theory]
    [MemberData(nameof(StaffRoutes))]
    public async Task ApiRoute_NoCredentialsWrongPasswordOrUserToken_401_WrongRole_403_TicketUntouched(string method, string route)
    {
        var (number, userToken) = await EscalateAsync();
        var url = route.Replace("{number}", number, StringComparison.Ordinal);

        using (var anonymous = _host.Staff())
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(anonymous, method, url));
        }
        using (var wrongPassword = _host.Staff("sato", "not-the-password"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(wrongPassword, method, url));
        }
        using (var chatUser = _host.Staff())
        {
            // The widget's Direct Line token belongs to a chat user, not to staff.
            chatUser.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", userToken);
            Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(chatUser, method, url));
        }
        using (var viewer = _host.Staff("viewer"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(viewer, method, url));
        }
        var ticket = await _host.Services.GetRequiredService<ITicketStore>().GetAsync(number);
        Assert.Equal((TicketStatus.Open, (string?)null), (ticket!.Status, ticket.Assignee));
    }

    [Fact]
    public async Task Console_Anonymous_RedirectedToLogin_WrongRole_403_Agent_200()
    {
        using var anonymous = _host.Staff();
        using var redirect = await anonymous.GetAsync("helpdesk");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.StartsWith("/helpdesk/login", redirect.Headers.Location!.OriginalString.Replace(_host.BaseAddress.ToString().TrimEnd('/'), "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("queue-list", await redirect.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var viewer = _host.Staff("viewer");
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(viewer, "GET", "helpdesk"));

        // The sign-in form: a wrong password and a wrong-role account get no session that opens the console.
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = _host.BaseAddress };
        using (var failed = await browser.PostAsJsonAsync("api/helpdesk/login", new { userName = "sato", password = "wrong" }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }
        Assert.Equal(HttpStatusCode.Redirect, await StatusAsync(browser, "GET", "helpdesk"));
        (await browser.PostAsJsonAsync("api/helpdesk/login", new { userName = "viewer", password = HelpdeskKestrelHost.Password })).Dispose();
        Assert.NotEqual(HttpStatusCode.OK, await StatusAsync(browser, "GET", "helpdesk"));
        Assert.NotEqual(HttpStatusCode.OK, await StatusAsync(browser, "GET", "api/helpdesk/queue"));

        using var agent = _host.Staff("sato");
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(agent, "GET", "helpdesk"));
    }

    private async Task<(string Number, string UserToken)> EscalateAsync()
    {
        var (chat, _) = await BotConversation.StartAsync(_host.DirectLine());
        await chat.SayAsync("担当者と話したい");
        var ticket = await _host.Services.GetRequiredService<ITicketStore>().FindLatestByConversationAsync(chat.ConversationId, Active);
        return (ticket!.Number, chat.Token);
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method == "POST")
        {
            request.Content = JsonContent.Create(new { text = "こんにちは" });
        }
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    public void Dispose()
    {
        _host.Dispose();
        SupportBotFactory.DeleteDataDir(_host.Factory.DataDir);
    }
}
