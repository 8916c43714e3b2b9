using SupportBot.Agent.Contracts;

namespace SupportBot.Agent.Tests;

public sealed class ProxyModeTests : IAsyncLifetime
{
    private TestWebServer _server = null!;

    public async Task InitializeAsync() => _server = await TestWebServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ReachableOnlyWithoutTheDeadSystemProxy()
    {
        var deadProxy = $"http://user:secret@127.0.0.1:{HttpProbeTests.UnusedPort()}";
        var runner = TestAgent.Runner(TestAgent.Options(_server.BaseUrl), new Dictionary<string, string> { ["http_proxy"] = deadProxy });
        var url = _server.Url("iis/").ToString();

        var viaSystem = await runner.RunAsync(TestAgent.Job(CheckKinds.HttpProbe, ("url", url), ("proxyMode", "system")));
        var direct = await runner.RunAsync(TestAgent.Job(CheckKinds.HttpProbe, ("url", url), ("proxyMode", "none")));

        Assert.Equal(CheckStatus.Fail, viaSystem.Status);
        Assert.True(viaSystem.Fact("proxyUsed").Flag);
        Assert.Equal("proxy", viaSystem.Fact("failedAt").Text);
        Assert.DoesNotContain("secret", string.Join(" ", viaSystem.Evidence) + viaSystem.Fact("proxy").Text);
        Assert.Equal(CheckStatus.Pass, direct.Status);
        Assert.False(direct.Fact("proxyUsed").Flag);
        Assert.True(direct.Fact("iisDefaultPage").Flag);
    }

    [Fact]
    public async Task WorkingSystemProxyIsUsedAndReported()
    {
        await using var proxy = new TestForwardProxy();
        var runner = TestAgent.Runner(TestAgent.Options(_server.BaseUrl), new Dictionary<string, string> { ["http_proxy"] = proxy.Url.ToString() });

        var result = await runner.RunAsync(TestAgent.Job(CheckKinds.HttpProbe, ("url", _server.Url("iis/").ToString()), ("proxyMode", "system")));

        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.True(result.Fact("proxyUsed").Flag);
        Assert.Equal(proxy.Url.Authority, result.Fact("proxy").Text);
        Assert.True(result.Fact("iisDefaultPage").Flag);
        Assert.Equal(1, proxy.Requests);
    }

    [Fact]
    public async Task NoProxyListBypassesTheSystemProxy()
    {
        var env = new Dictionary<string, string>
        {
            ["HTTP_PROXY"] = $"http://127.0.0.1:{HttpProbeTests.UnusedPort()}",
            ["no_proxy"] = "localhost,127.0.0.1",
        };
        var runner = TestAgent.Runner(TestAgent.Options(_server.BaseUrl), env);

        var result = await runner.RunAsync(TestAgent.Job(CheckKinds.HttpProbe, ("url", _server.Url("plain/").ToString())));

        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.False(result.Fact("proxyUsed").Flag);
    }

    [Fact]
    public async Task UnknownProxyModeIsAnError()
    {
        var runner = TestAgent.Runner(TestAgent.Options(_server.BaseUrl));

        var result = await runner.RunAsync(TestAgent.Job(CheckKinds.HttpProbe, ("url", _server.Url("plain/").ToString()), ("proxyMode", "pac")));

        Assert.Equal(CheckStatus.Error, result.Status);
        Assert.Contains("proxyMode", result.Reason);
    }
}
