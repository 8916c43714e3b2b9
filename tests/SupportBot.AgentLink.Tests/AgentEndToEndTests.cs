using System.Text.Json;
using SupportBot.Agent.Contracts;
using SupportBot.AgentLink.Text;

namespace SupportBot.AgentLink.Tests;

/// <summary>The real supportbot-agent process against the real AgentLink host, an IIS-like page and a .reg fixture.</summary>
public sealed class AgentEndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90); // generous: the machine is shared
    private AgentLinkHost _host = null!;
    private IisLikeServer _web = null!;
    private string _configPath = null!;

    public async Task InitializeAsync()
    {
        _host = await AgentLinkHost.StartAsync();
        _web = await IisLikeServer.StartAsync();
        _configPath = Path.Combine(_host.DataDir, "agent.json");
        // The agent's own allow-list: the local page, the two CorpId keys, Passage. Nothing else.
        File.WriteAllText(_configPath, JsonSerializer.Serialize(new
        {
            idleTimeout = "00:02:00",
            checkTimeLimit = "00:00:10",
            pollWaitSeconds = 25,
            registryExportFile = Path.Combine(AppContext.BaseDirectory, "Fixtures", "passage-2.6.0.reg"),
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
        }));
    }

    public async Task DisposeAsync()
    {
        await _web.DisposeAsync();
        await _host.DisposeAsync();
        Directory.Delete(_host.DataDir, recursive: true);
    }

    private static AgentCheck Check(string kind, params (string Name, string Value)[] parameters) =>
        new(kind, parameters.ToDictionary(p => p.Name, p => p.Value), TimeSpan.FromSeconds(60));

    [Fact]
    public async Task AgentAnswersThreeChecksAndRefusesOneOffItsAllowList()
    {
        var conversation = AgentLinkHost.Conversation("conv-e2e");
        var code = await _host.Pairing.CreateCodeAsync(conversation);
        var reach = await _host.Dispatcher.DispatchAsync("conv-e2e", Check(CheckKinds.HttpProbe,
            ("url", new Uri(_web.BaseUrl, "iis/").ToString()), ("proxyMode", "none"), ("expectIisPage", "true")));
        var corp = await _host.Dispatcher.DispatchAsync("conv-e2e", Check(CheckKinds.RegistryValue,
            ("key", @"HKLM\SOFTWARE\YRL\FWP\Passage\Setup"), ("name", "CorpId"), ("compareKey", @"HKLM\SOFTWARE\YRL\FWP\Passage\var")));
        var version = await _host.Dispatcher.DispatchAsync("conv-e2e", Check(CheckKinds.ProductVersion, ("product", "Passage"), ("minimum", "2.5.0")));
        var evil = await _host.Dispatcher.DispatchAsync("conv-e2e", Check(CheckKinds.HttpProbe, ("url", "http://169.254.169.254/latest/meta-data/")));

        using var agent = AgentProcess.Start("pair", code.Code, "--server", _host.BaseUrl.ToString(), "--config", _configPath, "--lang", "ja");
        await _host.Sink.WaitForAsync(4, Limit).ContinueWith(t => t.IsFaulted
            ? throw new Xunit.Sdk.XunitException(t.Exception!.InnerException!.Message + "\nAgent output:\n" + agent.Output) : t);
        await _host.Pairing.EndConversationAsync("conv-e2e");

        Assert.True(await agent.WaitForExitAsync(Limit) == 0, agent.Output);
        var results = _host.Sink.Results.ToDictionary(e => e.Result.JobId, e => e.Result);
        Assert.Equal(CheckStatus.Pass, results[reach.JobId].Status);
        Assert.True(results[reach.JobId].Facts["iisDefaultPage"].Flag);
        Assert.Equal(CheckStatus.Pass, results[corp.JobId].Status);
        Assert.True(results[corp.JobId].Facts["equalToCompareKey"].Flag);
        Assert.Equal("2.6.0", results[version.JobId].Facts["version"].Text);
        Assert.Equal(CheckStatus.Refused, results[evil.JobId].Status);
        Assert.All(_host.Sink.Results, e => Assert.Equal("conv-e2e", e.ToActivity().Conversation?.Id));
        Assert.DoesNotContain("ABC123", JsonSerializer.Serialize(results.Values.Select(r => r.Facts.Values.Select(v => v.ToString()))));

        Assert.Equal("プロキシを使わずにライセンスサーバーに接続できました（Internet Information Services のページを確認しました）。",
            AgentResultText.Describe(results[reach.JobId], "ja-JP", "ライセンスサーバー"));
        Assert.Equal("企業コード（CorpId）は 2 か所とも同じ値でした。", AgentResultText.Describe(results[corp.JobId], "ja-JP"));
        Assert.Equal("Passage のバージョンは 2.6.0 です（2.5.0 以降）。", AgentResultText.Describe(results[version.JobId], "ja-JP"));
        Assert.Contains("許可リスト", AgentResultText.Describe(results[evil.JobId], "ja-JP"));
    }
}
