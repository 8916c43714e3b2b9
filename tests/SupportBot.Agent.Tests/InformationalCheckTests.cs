using SupportBot.Agent.Contracts;

namespace SupportBot.Agent.Tests;

public sealed class InformationalCheckTests : IAsyncLifetime
{
    private TestWebServer _server = null!;

    public async Task InitializeAsync() => _server = await TestWebServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ProxySettingsFromInternetSettingsKey()
    {
        var result = await TestAgent.Runner(TestAgent.Options(regFile: "passage-equal.utf16.reg")).RunAsync(TestAgent.Job(CheckKinds.ProxySettings));

        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.Equal("windows-internet-settings", result.Fact("source").Text);
        Assert.True(result.Fact("enabled").Flag);
        Assert.Equal("proxy.corp.local:8080", result.Fact("server").Text);
        Assert.Equal("<local>;*.corp.local", result.Fact("bypassList").Text);
        Assert.False(result.Fact("autoConfigured").Flag);
    }

    [Fact]
    public async Task ProxySettingsFromEnvironmentWithoutCredentials()
    {
        var env = new Dictionary<string, string> { ["https_proxy"] = "http://bob:pw@proxy.example:3128", ["no_proxy"] = ".corp.local" };

        var result = await TestAgent.Runner(TestAgent.Options(), env).RunAsync(TestAgent.Job(CheckKinds.ProxySettings));

        Assert.Equal("environment", result.Fact("source").Text);
        Assert.True(result.Fact("enabled").Flag);
        Assert.Equal("proxy.example:3128", result.Fact("server").Text);
        Assert.Equal(".corp.local", result.Fact("bypassList").Text);
    }

    [Fact]
    public async Task ProxySettingsDisabledWhenNothingIsSet()
    {
        var result = await TestAgent.Runner(TestAgent.Options()).RunAsync(TestAgent.Job(CheckKinds.ProxySettings));

        Assert.False(result.Fact("enabled").Flag);
    }

    [Fact]
    public async Task ClockSkewAgainstAnAccurateServerPasses()
    {
        var result = await TestAgent.Runner(TestAgent.Options(_server.BaseUrl))
            .RunAsync(TestAgent.Job(CheckKinds.ClockSkew, ("url", _server.Url("clock/").ToString()), ("proxyMode", "none")));

        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.InRange(result.Fact("skewSeconds").Number, -2, 2);
        Assert.Equal(FactKind.Date, result.Fact("serverDate").Kind);
    }

    [Fact]
    public async Task ClockSkewBeyondTheLimitFails()
    {
        var result = await TestAgent.Runner(TestAgent.Options(_server.BaseUrl)).RunAsync(TestAgent.Job(CheckKinds.ClockSkew,
            ("url", _server.Url("clock/?offsetSeconds=-600").ToString()), ("proxyMode", "none"), ("maxSkewSeconds", "120")));

        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.InRange(result.Fact("skewSeconds").Number, 590, 610); // this PC looks 10 minutes ahead
        Assert.False(result.Fact("withinLimit").Flag);
    }

    [Fact]
    public async Task OsInfoHasNoUserOrMachineNames()
    {
        var result = await TestAgent.Runner(TestAgent.Options()).RunAsync(TestAgent.Job(CheckKinds.OsInfo));
        var all = string.Join(" ", result.Facts.Values.Select(v => v.ToString()).Concat(result.Evidence));

        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.NotEmpty(result.Fact("osDescription").Text!);
        Assert.NotEmpty(result.Fact("dotnetRuntime").Text!);
        Assert.DoesNotContain(Environment.MachineName, all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"" + Environment.UserName + "\"", all, StringComparison.OrdinalIgnoreCase);
    }
}
