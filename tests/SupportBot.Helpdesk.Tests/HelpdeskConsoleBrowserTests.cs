using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SupportBot.Helpdesk.Escalation;
using SupportBot.Helpdesk.Relay;
using SupportBot.Helpdesk.Tickets;

namespace SupportBot.Helpdesk.Tests;

/// <summary>
/// The staff console in Debian's Chromium (Playwright, headless): sign in, open the ticket, claim,
/// chat both ways, close; the user side is the relay API a host calls. Chromium missing is a failure.
/// </summary>
public sealed class HelpdeskConsoleBrowserTests : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private ApiTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task StaffSignInClaimChatAndCloseWhileTheUserAnswersAndRates()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: apt-get install chromium fonts-ipafont-gothic");
        var ticket = (await _host.App.Services.GetRequiredService<EscalationService>().EscalateAsync(TestData.Draft("conv-web", remainingDays: 2))).Ticket;
        var relay = _host.App.Services.GetRequiredService<IHelpdeskRelay>();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs });
        var context = await browser.NewContextAsync(new() { Locale = "ja-JP", ViewportSize = new() { Width = 1366, Height = 900 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(45_000); // generous: CI runs every test assembly at once on 2 cores
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.Contains("401", StringComparison.Ordinal) && !message.Location.Contains("favicon", StringComparison.Ordinal))
            {
                errors.Add(message.Text + " @ " + message.Location);
            }
        };
        page.Dialog += (_, dialog) => dialog.AcceptAsync();

        await page.GotoAsync(_host.BaseAddress + "helpdesk");
        Assert.Contains("/helpdesk/login", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("ユーザー名").FillAsync("agent");
        await page.GetByLabel("パスワード").FillAsync("wrong");
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();
        await page.GetByText("ユーザー名またはパスワードが違います").WaitForAsync();
        await page.GetByLabel("パスワード").FillAsync(ApiTestHost.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();
        // Commit, not Load: the next steps wait for their own elements; a loaded CI machine can be slow to fire "load".
        await page.WaitForURLAsync("**/helpdesk", new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });

        await page.Locator("#queue-list li", new() { HasText = ticket.Number }).ClickAsync();
        await page.Locator("#d-facts").GetByText("ライセンスが確認できません", new() { Exact = false }).WaitForAsync();
        Assert.Contains("緊急", await page.Locator("#d-priority").TextContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(TestData.LicenseKey, await page.ContentAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "担当する" }).ClickAsync();
        await page.Locator("#d-status").GetByText("対応中", new() { Exact = false }).WaitForAsync();
        await page.GetByLabel("メッセージ").FillAsync("担当の佐藤です。再起動をお試しください。");
        await page.GetByRole(AriaRole.Button, new() { Name = "送信" }).ClickAsync();
        await page.Locator("#chat-log li[data-kind='staff-message']").WaitForAsync();
        Assert.Contains(_host.Messenger.Notices, n => n.Kind == HelpdeskNoticeKind.StaffMessage && n.Text.Contains("再起動", StringComparison.Ordinal));

        Assert.True(await relay.TryRelayUserMessageAsync("conv-web", "再起動しましたが、まだ同じ表示です"));
        await page.Locator("#chat-log").GetByText("まだ同じ表示です", new() { Exact = false }).WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "helpdesk-console.png") });

        await page.GetByRole(AriaRole.Button, new() { Name = "終了する" }).ClickAsync();
        await page.Locator("#d-status").GetByText("終了", new() { Exact = false }).WaitForAsync();
        Assert.True(await relay.TryRelayUserMessageAsync("conv-web", "5"));

        var store = _host.App.Services.GetRequiredService<ITicketStore>();
        var final = await store.GetAsync(ticket.Number);
        Assert.Equal((TicketStatus.Closed, 5, "agent"), (final!.Status, final.Rating, final.Assignee));
        Assert.Equal(
            [HelpdeskNoticeKind.StaffJoined, HelpdeskNoticeKind.StaffMessage, HelpdeskNoticeKind.ClosedAskRating, HelpdeskNoticeKind.RatingThanks],
            _host.Messenger.Notices.Select(n => n.Kind));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
