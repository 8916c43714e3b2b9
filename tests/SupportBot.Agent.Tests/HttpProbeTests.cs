using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SupportBot.Agent.Contracts;

namespace SupportBot.Agent.Tests;

public sealed class HttpProbeTests : IAsyncLifetime
{
    private TestWebServer _server = null!;

    public async Task InitializeAsync() => _server = await TestWebServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Task<CheckResult> ProbeAsync(string url, params (string, string)[] extra)
    {
        var runner = TestAgent.Runner(TestAgent.Options(_server.BaseUrl));
        return runner.RunAsync(TestAgent.Job(CheckKinds.HttpProbe, [("url", url), ("proxyMode", "none"), .. extra]));
    }

    [Fact]
    public async Task IisPageIsReachableAndRecognised()
    {
        var result = await ProbeAsync(_server.Url("iis/").ToString(), ("expectIisPage", "true"));

        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.True(result.Fact("reachable").Flag);
        Assert.True(result.Fact("iisDefaultPage").Flag);
        Assert.Equal(200, result.Fact("httpStatus").Number);
        Assert.True(result.Fact("dnsResolved").Flag);
        Assert.Equal("127.0.0.1", result.Fact("dnsAddresses").Text);
        Assert.True(result.Fact("tcpConnected").Flag);
        Assert.False(result.Fact("proxyUsed").Flag);
        Assert.True(result.Fact("totalMs").Number >= 0);
        Assert.Contains("tcp", result.Timings.PhasesMs.Keys);
        Assert.Contains(result.Evidence, line => line.Contains("IIS default page"));
    }

    [Fact]
    public async Task PlainPageIsReachableButNotTheIisPage()
    {
        var result = await ProbeAsync(_server.Url("plain/").ToString());

        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.False(result.Fact("iisDefaultPage").Flag);
    }

    [Fact]
    public async Task PlainPageFailsWhenTheIisPageIsExpected()
    {
        var result = await ProbeAsync(_server.Url("plain/").ToString(), ("expectIisPage", "true"));

        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.True(result.Fact("reachable").Flag);
        Assert.False(result.Fact("iisDefaultPage").Flag);
    }

    [Fact]
    public async Task ServerErrorFailsWithItsStatus()
    {
        var result = await ProbeAsync(_server.Url("error/").ToString());

        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Equal(500, result.Fact("httpStatus").Number);
    }

    [Fact]
    public async Task RedirectIsReportedNotFollowed()
    {
        var result = await ProbeAsync(_server.Url("moved/").ToString());

        Assert.Equal(302, result.Fact("httpStatus").Number);
        Assert.Equal("https://elsewhere.example/", result.Fact("redirectLocation").Text);
    }

    [Fact]
    public async Task UnreachablePortFailsAtTcpWithEvidence()
    {
        var port = UnusedPort();
        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        var runner = TestAgent.Runner(TestAgent.Options(baseUrl));

        var result = await runner.RunAsync(TestAgent.Job(CheckKinds.HttpProbe, ("url", baseUrl.ToString()), ("proxyMode", "none")));

        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.False(result.Fact("reachable").Flag);
        Assert.False(result.Fact("tcpConnected").Flag);
        Assert.Equal("tcp", result.Fact("failedAt").Text);
        Assert.Contains(result.Evidence, line => line.StartsWith("TCP:") && line.Contains("not connected"));
    }

    [Fact]
    public async Task SlowEndpointTimesOutWithinTheLimit()
    {
        var runner = TestAgent.Runner(TestAgent.Options(_server.BaseUrl, checkLimit: TimeSpan.FromSeconds(1)));
        var watch = Stopwatch.StartNew();

        var result = await runner.RunAsync(TestAgent.Job(CheckKinds.HttpProbe, ("url", _server.Url("slow/").ToString()), ("proxyMode", "none")));

        Assert.Equal(CheckStatus.Timeout, result.Status);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(9));
        Assert.True(result.Fact("tcpConnected").Flag); // partial facts survive the timeout
    }

    [Fact]
    public async Task JobDeadlineShorterThanTheLimitWins()
    {
        var runner = TestAgent.Runner(TestAgent.Options(_server.BaseUrl));
        var watch = Stopwatch.StartNew();

        var result = await runner.RunAsync(TestAgent.Job(CheckKinds.HttpProbe, ("url", _server.Url("slow/").ToString()), ("proxyMode", "none")),
            untilDeadline: TimeSpan.FromMilliseconds(500), CancellationToken.None);

        Assert.Equal(CheckStatus.Timeout, result.Status);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(9));
    }

    [Fact]
    public async Task PassedDeadlineTimesOutWithoutRunning()
    {
        var runner = TestAgent.Runner(TestAgent.Options(_server.BaseUrl));

        var result = await runner.RunAsync(TestAgent.Job(CheckKinds.HttpProbe, ("url", _server.Url("iis/").ToString())),
            untilDeadline: TimeSpan.FromSeconds(-1), CancellationToken.None);

        Assert.Equal(CheckStatus.Timeout, result.Status);
        Assert.Empty(result.Facts);
    }

    internal static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
