using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SupportBot.Builder;
using SupportBot.Server.Bot;
using SupportBot.Server.Tests.Infrastructure;

namespace SupportBot.Server.Tests.Browser;

/// <summary>
/// The widget end to end: the real host on Kestrel (127.0.0.1, free port), Debian's Chromium driven
/// by Playwright, the official Web Chat bundle talking to our Direct Line over a WebSocket.
/// Chromium missing is a failure, not a skip (CI installs it: chromium, fonts-ipafont-gothic).
/// </summary>
public sealed class ChatWidgetBrowserTests : IDisposable
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private SupportBotFactory _factory = new(fakeTime: false);

    [Theory]
    [InlineData("websocket")]
    [InlineData("polling")]
    public async Task ChatWidget_OpenGreetChooseReload_BotAnswersAndConversationResumes(string transport)
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: apt-get install chromium fonts-ipafont-gothic");
        var baseUrl = StartKestrel();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "ja-JP",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add(message.Text + " @ " + message.Location);
            }
        };
        page.SetDefaultTimeout(20_000);

        await page.GotoAsync(transport == "polling" ? baseUrl + "?transport=polling" : baseUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "チャットで聞く" }).ClickAsync();

        var chat = page.Locator("#webchat");
        await chat.GetByText("Passage のライセンスに関するお困りごと", new() { Exact = false }).First.WaitForAsync();
        // The suggested-actions toolbar (the transcript's live region repeats the label for screen readers).
        await page.Locator("#chat-panel[data-bot-messages='1']").WaitForAsync();
        await chat.Locator("button.webchat__suggested-actions__button", new() { HasText = "Passage に『ライセンスが確認できません』と表示される" }).ClickAsync();
        // The flow's first question arrives, the choice shows as the user's bubble.
        await page.Locator("#chat-panel[data-flow='passage-license'][data-state='symptom']").WaitForAsync();
        await chat.GetByText("赤い文字で", new() { Exact = false }).First.WaitForAsync();
        await chat.GetByText("Passage に『ライセンスが確認できません』と表示される", new() { Exact = true }).First.WaitForAsync();
        var botMessages = await page.Locator("#chat-panel").GetAttributeAsync("data-bot-messages");
        Assert.True(int.Parse(botMessages!, System.Globalization.CultureInfo.InvariantCulture) >= 2, botMessages);
        var answer = await chat.Locator(".webchat__bubble:not(.webchat__bubble--from-user)").Last.InnerTextAsync();
        Assert.Contains("赤い文字で", answer, StringComparison.Ordinal);
        Assert.Matches(@"^\d{1,3}%$", await page.Locator("#chat-progress-label").TextContentAsync());
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ArtifactPath($"chat-widget-{transport}.png") });

        // Reload: the page resumes the same conversation (sessionStorage) and shows its history again.
        await page.ReloadAsync();
        await page.Locator($"#chat-panel[data-bot-messages='{botMessages}']").WaitForAsync();
        Assert.Equal(answer, await page.Locator("#webchat .webchat__bubble:not(.webchat__bubble--from-user)").Last.InnerTextAsync());
        // Web Chat shows 「接続中…」 until the resumed connection is online.
        await page.Locator("#webchat .webchat__connectivityStatus").WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ArtifactPath($"chat-widget-{transport}-after-reload.png") });
        Assert.DoesNotContain(consoleErrors, e => !e.Contains("favicon", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ChatWidget_BotReportsProgress_ProgressBarFollowsLastBotMessage()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: apt-get install chromium fonts-ipafont-gothic");
        _factory.Dispose();
        _factory = new SupportBotFactory(fakeTime: false, services: s => s.AddSingleton<IConversationRouter, HalfwayRouter>());
        var baseUrl = StartKestrel();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "ja-JP" });
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync(baseUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "チャットで聞く" }).ClickAsync();
        await page.Locator("#webchat").GetByText("お困りごと", new() { Exact = false }).First.WaitForAsync();
        Assert.Equal("0%", await page.Locator("#chat-progress-label").TextContentAsync());

        await page.Locator("button.webchat__suggested-actions__button", new() { HasText = "ライセンスキーが正しいのに認証できない" }).ClickAsync();
        await page.Locator("#webchat").GetByText("半分まで来ました", new() { Exact = false }).First.WaitForAsync();
        await Assertions.Expect(page.Locator("#chat-progress-label")).ToHaveTextAsync("40%");
    }

    /// <summary>A stand-in router whose answer reports progress 0.4.</summary>
    private sealed class HalfwayRouter : IConversationRouter
    {
        public Task RouteAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
            turnContext.SendActivityAsync(new SupportBotPlace("license-key", "check-version", 0.4).ApplyTo(MessageFactory.Text("半分まで来ました。")), cancellationToken);
    }

    private string StartKestrel()
    {
        _factory.UseKestrel();
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        var address = addresses.Single();
        Assert.StartsWith("http://127.0.0.1:", address, StringComparison.Ordinal);
        return address + "/";
    }

    /// <summary>Screenshots go to the repository's TestResults/browser (the CI artifact folder).</summary>
    private static string ArtifactPath(string fileName)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SupportBot.sln")))
        {
            directory = directory.Parent;
        }
        var folder = Path.Combine(directory?.FullName ?? AppContext.BaseDirectory, "TestResults", "browser");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, fileName);
    }

    public void Dispose()
    {
        _factory.Dispose();
        SupportBotFactory.DeleteDataDir(_factory.DataDir);
    }
}
