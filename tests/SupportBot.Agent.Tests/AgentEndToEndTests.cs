using System.Text.Json;
using SupportBot.Agent.Contracts;

namespace SupportBot.Agent.Tests;

/// <summary>The real agent process against a real fake job server and a real IIS-like page, all on 127.0.0.1.</summary>
public sealed class AgentEndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan ExitLimit = TimeSpan.FromSeconds(60); // generous: the CI machine is shared
    private TestWebServer _web = null!;
    private FakeJobServer _server = null!;
    private string _configDir = null!;

    public async Task InitializeAsync()
    {
        _web = await TestWebServer.StartAsync();
        _server = await FakeJobServer.StartAsync();
        _configDir = Directory.CreateTempSubdirectory("agent-e2e-").FullName;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _web.DisposeAsync();
        Directory.Delete(_configDir, recursive: true);
    }

    private string WriteConfig(string idleTimeout = "00:15:00")
    {
        var config = new
        {
            idleTimeout,
            checkTimeLimit = "00:00:10",
            pollWaitSeconds = 25,
            registryExportFile = TestAgent.Fixture("passage-different.utf8.reg"),
            allowList = new
            {
                urls = new[] { new { url = _web.BaseUrl.ToString(), label = "ライセンスサーバー", labelEn = "the license server" } },
                registryValues = new[]
                {
                    new { key = @"HKEY_LOCAL_MACHINE\SOFTWARE\YRL\FWP\Passage\Setup", values = new[] { "CorpId" }, sensitive = true },
                    new { key = @"HKEY_LOCAL_MACHINE\SOFTWARE\YRL\FWP\Passage\var", values = new[] { "CorpId" }, sensitive = true },
                },
                products = new[] { new { name = "Passage", displayNameContains = "Passage" } },
            },
        };
        var path = Path.Combine(_configDir, "agent.json");
        File.WriteAllText(path, JsonSerializer.Serialize(config));
        return path;
    }

    private static CheckRequest Job(string id, string kind, params (string, string)[] parameters) =>
        new(id, kind, parameters.ToDictionary(p => p.Item1, p => p.Item2), DateTimeOffset.UtcNow.AddSeconds(30));

    private AgentProcess StartAgent(string config, string code = FakeJobServer.Code, string lang = "ja") =>
        AgentProcess.Start("pair", code, "--server", _server.BaseUrl.ToString(), "--config", config, "--lang", lang);

    [Fact]
    public async Task PairsRunsThreeJobsPostsThreeResultsAndExitsWhenTheConversationEnds()
    {
        _server.EndAfterResults = 3;
        _server.Enqueue(
            Job("reach", CheckKinds.HttpProbe, ("url", _web.Url("iis/").ToString()), ("proxyMode", "none"), ("expectIisPage", "true")),
            Job("corp", CheckKinds.RegistryValue, ("key", @"HKLM\SOFTWARE\YRL\FWP\Passage\Setup"), ("name", "CorpId"),
                ("compareKey", @"HKLM\SOFTWARE\YRL\FWP\Passage\var")),
            Job("ver", CheckKinds.ProductVersion, ("product", "Passage"), ("minimum", "2.5.0")));
        using var agent = StartAgent(WriteConfig());

        var exit = await agent.WaitForExitAsync(ExitLimit);

        Assert.True(exit == 0, agent.Output);
        var results = _server.Received.ToDictionary(r => r.JobId);
        Assert.Equal(3, results.Count);
        Assert.Equal(CheckStatus.Pass, results["reach"].Status);
        Assert.True(results["reach"].Facts["iisDefaultPage"].Flag);
        Assert.Equal(CheckStatus.Fail, results["corp"].Status);
        Assert.False(results["corp"].Facts["equalToCompareKey"].Flag);
        Assert.Equal(CheckStatus.Fail, results["ver"].Status);
        Assert.False(results["ver"].Facts["atLeast"].Flag);
        Assert.Contains("サポートボットと接続しました", agent.Output);
        Assert.Contains("ライセンスサーバーへの接続を（プロキシを使わずに）確認しています…", agent.Output);
        Assert.Contains("確認が終わりました：つながりました", agent.Output);
        Assert.Contains("チャットが終了したので", agent.Output);
        Assert.DoesNotContain("ABC123", agent.Output);
        Assert.Contains(_server.Log, line => line == "poll wait=25");
    }

    [Fact]
    public async Task RefusedJobIsReportedToTheServer()
    {
        _server.EndAfterResults = 1;
        _server.Enqueue(Job("evil", CheckKinds.HttpProbe, ("url", "http://169.254.169.254/latest/meta-data/")));
        using var agent = StartAgent(WriteConfig(), lang: "en");

        Assert.Equal(0, await agent.WaitForExitAsync(ExitLimit));
        var result = Assert.Single(_server.Received);
        Assert.Equal(CheckStatus.Refused, result.Status);
        Assert.Contains("This check is not allowed", agent.Output);
    }

    [Fact]
    public async Task ExitsAfterTheIdleTimeout()
    {
        _server.HoldPoll = TimeSpan.FromMilliseconds(500);
        using var agent = StartAgent(WriteConfig(idleTimeout: "00:00:02"));

        Assert.Equal(3, await agent.WaitForExitAsync(ExitLimit));
        Assert.Contains("しばらく確認の依頼がなかったので", agent.Output);
    }

    [Fact]
    public async Task CtrlCStopsAWaitingAgent()
    {
        _server.HoldPoll = TimeSpan.FromSeconds(25); // the agent is inside a long-poll when interrupted
        using var agent = StartAgent(WriteConfig());
        await _server.FirstPoll.Task.WaitAsync(ExitLimit);

        agent.Interrupt();

        Assert.Equal(130, await agent.WaitForExitAsync(TimeSpan.FromSeconds(20)));
        Assert.Contains("中断しました", agent.Output);
    }

    [Fact]
    public async Task ResultPostIsRetriedAfterAServerError()
    {
        _server.EndAfterResults = 1;
        _server.FailNextResultPosts = 1;
        _server.Enqueue(Job("os", CheckKinds.OsInfo));
        using var agent = StartAgent(WriteConfig());

        Assert.Equal(0, await agent.WaitForExitAsync(ExitLimit));
        Assert.Equal(CheckStatus.Pass, Assert.Single(_server.Received).Status);
    }

    [Fact]
    public async Task RevokedTokenEndsTheSession()
    {
        using var agent = StartAgent(WriteConfig());
        await _server.FirstPoll.Task.WaitAsync(ExitLimit);
        _server.RevokeToken = true;

        Assert.Equal(4, await agent.WaitForExitAsync(ExitLimit));
        Assert.Contains("接続の有効期限が切れました", agent.Output);
    }

    [Fact]
    public async Task WrongCodeIsRefused()
    {
        using var agent = StartAgent(WriteConfig(), code: "WRONG1");

        Assert.Equal(4, await agent.WaitForExitAsync(ExitLimit));
        Assert.Contains("コードが違うか", agent.Output);
        Assert.Empty(_server.Received);
    }

    [Fact]
    public async Task PlainHttpToAnotherHostIsRejectedBeforeConnecting()
    {
        using var agent = AgentProcess.Start("pair", "CODE", "--server", "http://bot.example/");

        Assert.Equal(2, await agent.WaitForExitAsync(ExitLimit));
        Assert.Contains("https://", agent.Output);
    }
}
