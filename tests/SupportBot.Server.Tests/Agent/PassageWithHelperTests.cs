using System.Net;
using System.Net.Sockets;
using SupportBot.Testing;
using static SupportBot.Server.Tests.Agent.HelperChat;

namespace SupportBot.Server.Tests.Agent;

/// <summary>
/// Issue 5 end to end: the REAL supportbot-agent process (pair &lt;code&gt; --server http://127.0.0.1:&lt;port&gt;, its own
/// allow-list, a .reg export with the CorpId values, a version file) against the REAL host on Kestrel, a Web Chat–style
/// Direct Line client, and local HTTP servers standing in for the license server. The user accepts the helper, runs
/// the command the bot shows, and the bot answers the reachability, CorpId and version questions with the helper's
/// findings instead of asking them. When the helper refuses a check or stops, the bot asks; it never hangs.
/// </summary>
public sealed class PassageWithHelperTests : IAsyncLifetime
{
    private const string LicenseServer = "https://passagelic.flexwp.yrl.com/";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90); // generous: the machine is shared
    private readonly List<IDisposable> _cleanup = [];
    private readonly List<IAsyncDisposable> _servers = [];

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Reachable_CompanyCodeDiffers_HelperAnswers_BotGivesTheFixAdvice_WithoutAskingItsQuestions()
    {
        var iis = await Serve(LicenseServerStandIn.StartIisPageAsync());
        var host = Host(iis.BaseUrl);
        var pc = Files(HelperPcFiles.Write([iis.BaseUrl], corpIdSetup: "ABC123", corpIdVar: "ABC123", passageVersion: "2.6.0"));
        var chat = await StartAsync(host.DirectLine);

        using var agent = await AcceptAndPairAsync(chat, host, pc);
        await chat.WaitForAsync(m => State(m) == "corp-code-intro", Limit, () => agent.Output);
        Assert.Contains("「Internet Information Services」の青い画面が表示されました", chat.Transcript, StringComparison.Ordinal);

        // The company code the user knows; the helper compares it with both registry values on the PC.
        await chat.SayAsync("XYZ789");
        await chat.WaitForAsync(m => State(m) == "corp-code-fix", Limit, () => agent.Output);
        Assert.Contains("レジストリの企業コードは、XYZ789 と違っていました", chat.Transcript, StringComparison.Ordinal);
        Assert.Contains("バッチファイル", chat.Transcript, StringComparison.Ordinal);

        var end = await chat.SayAsync("はい");
        Assert.Contains(end, m => Outcome(m) == "resolved");
        Assert.DoesNotContain(PassagePath.ReachabilityQuestion, chat.Transcript, StringComparison.Ordinal);
        Assert.DoesNotContain("2 か所の企業コードは、どちらも", chat.Transcript, StringComparison.Ordinal);
        Assert.All(PassagePath.CorpIdQuestions, q => Assert.DoesNotContain(q, chat.Transcript, StringComparison.Ordinal));
        Assert.DoesNotContain("ABC123", chat.Transcript, StringComparison.Ordinal); // the PC's value never reaches the chat

        // The flow ended, so did the link: the helper is told at its next poll and exits normally.
        Assert.Equal(0, await agent.WaitForExitAsync(Limit));
    }

    [Fact]
    public async Task ReachableOnlyWithoutTheProxy_Passage260_HelperAnswers_BotGivesTheProxySettingAdvice_WithoutAskingItsQuestions()
    {
        // The license server is named "localhost" here, so the dead system proxy applies to it but not to the bot (127.0.0.1).
        var iis = await Serve(LicenseServerStandIn.StartIisPageAsync());
        var host = Host(iis.LocalhostUrl);
        var pc = Files(HelperPcFiles.Write([iis.LocalhostUrl], passageVersion: "2.6.0"));
        var chat = await StartAsync(host.DirectLine);
        var deadProxy = new Dictionary<string, string> { ["http_proxy"] = $"http://127.0.0.1:{UnusedPort()}", ["no_proxy"] = "127.0.0.1" };

        using var agent = await AcceptAndPairAsync(chat, host, pc, deadProxy);
        await chat.WaitForAsync(m => State(m) == "proxy-setting", Limit, () => agent.Output);
        Assert.Contains("プロキシを経由してインターネットにつなぐ設定になっています", chat.Transcript, StringComparison.Ordinal);
        Assert.Contains("プロキシを通さずに開くと、青い画面が表示されました", chat.Transcript, StringComparison.Ordinal);
        Assert.Contains("お使いの Passage は v2.6.0 です", chat.Transcript, StringComparison.Ordinal);
        Assert.Contains("Flex Work Place Passage Configurator", chat.Transcript, StringComparison.Ordinal);

        var end = await chat.SayAsync("はい");
        Assert.Contains(end, m => Outcome(m) == "resolved");
        Assert.DoesNotContain(PassagePath.ReachabilityQuestion, chat.Transcript, StringComparison.Ordinal);
        Assert.DoesNotContain("プロキシ (proxy) サーバーを経由してインターネットにつないでいますか", chat.Transcript, StringComparison.Ordinal);
        Assert.DoesNotContain("プロキシを経由しない設定にして", chat.Transcript, StringComparison.Ordinal);
        Assert.DoesNotContain(PassagePath.VersionQuestion, chat.Transcript, StringComparison.Ordinal);
        Assert.Equal(0, await agent.WaitForExitAsync(Limit));
    }

    [Fact]
    public async Task CheckOffTheHelpersAllowList_IsRefused_AndTheBotAsksTheQuestion()
    {
        var iis = await Serve(LicenseServerStandIn.StartIisPageAsync());
        var other = await Serve(LicenseServerStandIn.StartOtherPageAsync());
        var host = Host(iis.BaseUrl);
        var pc = Files(HelperPcFiles.Write([other.BaseUrl])); // the helper allows another server only
        var chat = await StartAsync(host.DirectLine);

        using var agent = await AcceptAndPairAsync(chat, host, pc);
        await chat.WaitForAsync(m => Text(m).Contains(PassagePath.ReachabilityQuestion, StringComparison.Ordinal), Limit, () => agent.Output);
        Assert.DoesNotContain("青い画面が表示されました", chat.Transcript, StringComparison.Ordinal);
        Assert.Equal("internet-open-page", State(chat.BotMessages[^1]));

        // The user answers themselves and the flow goes on.
        var next = await chat.SayAsync("青い画面が表示された");
        Assert.Contains(next, m => State(m) == "corp-code-intro");
    }

    [Fact]
    public async Task HelperStopsAfterPairing_TheCheckTimesOut_AndTheBotAsks()
    {
        var slow = await Serve(LicenseServerStandIn.StartSlowIisPageAsync(TimeSpan.FromSeconds(60)));
        var host = Host(slow.BaseUrl, jobTimeout: "00:00:03");
        var pc = Files(HelperPcFiles.Write([slow.BaseUrl]));
        var chat = await StartAsync(host.DirectLine);

        using var agent = await AcceptAndPairAsync(chat, host, pc);
        agent.Kill(); // the user closed the helper's window while it was checking

        await chat.WaitForAsync(m => Text(m).Contains(PassagePath.ReachabilityQuestion, StringComparison.Ordinal), Limit);
        Assert.Equal("internet-open-page", State(chat.BotMessages[^1]));
        var next = await chat.SayAsync("表示されない");
        Assert.Contains(next, m => State(m) == "proxy-question");
    }

    /// <summary>Walks to the first check, accepts the helper, runs the command the bot showed, and waits until the bot says it is connected.</summary>
    private static async Task<AgentProcess> AcceptAndPairAsync(HelperChat chat, HelperHost host, HelperPcFiles pc, IReadOnlyDictionary<string, string>? environment = null)
    {
        var offer = await PassagePath.ToInternetCheckAsync(chat);
        Assert.Equal(PassagePath.OfferQuestion, Text(offer[^1]));
        var (code, server) = PassagePath.Command(await chat.SayAsync("使う"));
        Assert.Equal(host.BaseUrl, server); // this server's own address (AgentLink:PublicUrl unset)

        var agent = AgentProcess.StartWith(environment ?? new Dictionary<string, string>(), "pair", code, "--server", server, "--config", pc.ConfigPath, "--lang", "ja");
        try
        {
            await chat.WaitForAsync(m => Text(m) == "ヘルパーとつながりました。ここからはヘルパーが確認します。", Limit, () => agent.Output);
            return agent;
        }
        catch
        {
            agent.Dispose();
            throw;
        }
    }

    private HelperHost Host(string licenseServerStandIn, string jobTimeout = "00:00:30")
    {
        var host = new HelperHost(new Dictionary<string, string?>
        {
            ["AgentLink:CheckUrlOverrides:0:From"] = LicenseServer,
            ["AgentLink:CheckUrlOverrides:0:To"] = licenseServerStandIn,
            ["AgentLink:DefaultJobTimeout"] = jobTimeout,
        });
        _cleanup.Add(host);
        return host;
    }

    private HelperPcFiles Files(HelperPcFiles files)
    {
        _cleanup.Add(files);
        return files;
    }

    private async Task<LicenseServerStandIn> Serve(Task<LicenseServerStandIn> starting)
    {
        var server = await starting;
        _servers.Add(server);
        return server;
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        foreach (var item in Enumerable.Reverse(_cleanup)) item.Dispose();
        foreach (var server in _servers) await server.DisposeAsync();
    }
}
