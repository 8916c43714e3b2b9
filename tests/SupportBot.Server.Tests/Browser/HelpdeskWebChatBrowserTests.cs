using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SupportBot.Helpdesk.Tickets;
using SupportBot.Server.Tests.Helpdesk;
using SupportBot.Server.Tests.Infrastructure;

namespace SupportBot.Server.Tests.Browser;

/// <summary>
/// Escalation and live relay in two real browsers (Debian's Chromium via Playwright) against the real host on Kestrel:
/// the user escalates in the FAQ page's Web Chat, a staff member works the ticket in /helpdesk in a second browser
/// context, messages go both ways through the bot, and the user's rating after the close is stored.
/// Chromium missing is a failure, not a skip (CI installs it: chromium, fonts-ipafont-gothic).
/// </summary>
public sealed class HelpdeskWebChatBrowserTests : IDisposable
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const float Timeout = 60_000; // generous: CI runs every test assembly at once on 2 shared cores
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly HelpdeskKestrelHost _host = HelpdeskKestrelHost.Start(SupportBotFactory.NewDataDir(), webhookUrl: null);

    [Fact]
    public async Task UserEscalatesInWebChat_StaffClaimsChatsAndClosesInTheConsole_UserRates()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: apt-get install chromium fonts-ipafont-gothic");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs });
        var errors = new List<string>();

        // The user: FAQ page, Web Chat, the Passage flow with 2 days left, then a person from the urgent branch.
        var userContext = await browser.NewContextAsync(new() { Locale = "ja-JP", ViewportSize = new() { Width = 1280, Height = 900 } });
        var user = await userContext.NewPageAsync();
        Watch(user, errors);
        await user.GotoAsync(_host.BaseAddress.ToString());
        await user.GetByRole(AriaRole.Button, new() { Name = "チャットで聞く" }).ClickAsync();
        var chat = user.Locator("#webchat");
        await ClickSuggestionAsync(user, "Passage に『ライセンスが確認できません』と表示される");
        await user.Locator("#chat-panel[data-state='symptom']").WaitForAsync();
        await ClickSuggestionAsync(user, "はい、表示されています");
        await user.Locator("#chat-panel[data-state='remaining-days']").WaitForAsync();
        await SayAsync(user, "2");
        await user.Locator("#chat-panel[data-state='urgent']").WaitForAsync();
        await ClickSuggestionAsync(user, "担当者と話したい");
        await chat.GetByText("受付番号は SB-", new() { Exact = false }).First.WaitForAsync();

        var ticket = Assert.Single((await _host.Services.GetRequiredService<ITicketStore>().ListAsync(new TicketQuery())).Items);
        Assert.Contains(ticket.Number, await chat.InnerTextAsync(), StringComparison.Ordinal);

        // Staff: a second browser context signs in to /helpdesk and opens the ticket with its context.
        var staffContext = await browser.NewContextAsync(new() { Locale = "ja-JP", ViewportSize = new() { Width = 1366, Height = 900 } });
        var staff = await staffContext.NewPageAsync();
        Watch(staff, errors);
        staff.Dialog += (_, dialog) => dialog.AcceptAsync();
        await staff.GotoAsync(_host.BaseAddress + "helpdesk");
        Assert.Contains("/helpdesk/login", staff.Url, StringComparison.Ordinal);
        await staff.GetByLabel("ユーザー名").FillAsync("sato");
        await staff.GetByLabel("パスワード").FillAsync(HelpdeskKestrelHost.Password);
        await staff.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();
        await staff.WaitForURLAsync("**/helpdesk", new() { WaitUntil = WaitUntilState.Commit });
        await staff.Locator("#queue-list li", new() { HasText = ticket.Number }).ClickAsync();
        await staff.Locator("#d-number", new() { HasText = ticket.Number }).WaitForAsync();
        Assert.Contains("緊急", await staff.Locator("#d-priority").TextContentAsync(), StringComparison.Ordinal);
        var facts = await staff.Locator("#d-facts").InnerTextAsync();
        Assert.Contains("passage-license", facts, StringComparison.Ordinal);
        Assert.Contains("2", facts, StringComparison.Ordinal);
        await staff.Locator("#d-answers").GetByText("remaining-days", new() { Exact = false }).First.WaitForAsync();
        await staff.Locator("#d-transcript").GetByText("残りが 2 日です", new() { Exact = false }).First.WaitForAsync();

        // Claim: the user is told a person joined.
        await staff.GetByRole(AriaRole.Button, new() { Name = "担当する" }).ClickAsync();
        await staff.Locator("#d-status").GetByText("対応中", new() { Exact = false }).WaitForAsync();
        await chat.GetByText("担当者が参加しました（佐藤）", new() { Exact = false }).First.WaitForAsync();

        // Staff → user, user → staff.
        await staff.GetByLabel("メッセージ").FillAsync("担当の佐藤です。いまの画面の表示を教えてください。");
        await staff.GetByRole(AriaRole.Button, new() { Name = "送信" }).ClickAsync();
        await chat.GetByText("いまの画面の表示を教えてください", new() { Exact = false }).First.WaitForAsync();
        await SayAsync(user, "赤い文字で残り2日と出ています");
        await staff.Locator("#chat-log").GetByText("赤い文字で残り2日と出ています", new() { Exact = false }).WaitForAsync();

        // Close: the user's Web Chat asks for a 1–5 rating; the user rates; the rating is stored.
        await staff.GetByRole(AriaRole.Button, new() { Name = "終了する" }).ClickAsync();
        await staff.Locator("#d-status").GetByText("終了", new() { Exact = false }).WaitForAsync();
        await chat.GetByText("1（不満）〜5（満足）でお答えください", new() { Exact = false }).First.WaitForAsync();
        await ClickSuggestionAsync(user, "5");
        await chat.GetByText("ご評価ありがとうございました", new() { Exact = false }).First.WaitForAsync();
        await user.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "helpdesk-webchat-user.png") });
        await staff.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "helpdesk-webchat-staff.png") });

        var final = await _host.Services.GetRequiredService<ITicketStore>().GetAsync(ticket.Number);
        Assert.Equal((TicketStatus.Closed, 5, "sato"), (final!.Status, final.Rating, final.Assignee));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static void Watch(IPage page, List<string> errors)
    {
        page.SetDefaultTimeout(Timeout);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.Contains("401", StringComparison.Ordinal) && !message.Location.Contains("favicon", StringComparison.Ordinal))
            {
                errors.Add(message.Text + " @ " + message.Location);
            }
        };
    }

    /// <summary>Clicks the newest suggested-action button with that label (the live region repeats labels as text).</summary>
    private static Task ClickSuggestionAsync(IPage page, string label) =>
        page.Locator("#webchat button.webchat__suggested-actions__button", new() { HasTextString = label }).Last.ClickAsync();

    /// <summary>Types into Web Chat's send box and sends with Enter.</summary>
    private static async Task SayAsync(IPage page, string text)
    {
        var box = page.Locator("#webchat [data-id='webchat-sendbox-input']");
        await box.FillAsync(text);
        await box.PressAsync("Enter");
    }

    public void Dispose()
    {
        _host.Dispose();
        SupportBotFactory.DeleteDataDir(_host.Factory.DataDir);
    }
}
