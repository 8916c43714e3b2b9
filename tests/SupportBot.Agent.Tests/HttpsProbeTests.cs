using SupportBot.Agent.Contracts;

namespace SupportBot.Agent.Tests;

public sealed class HttpsProbeTests : IAsyncLifetime
{
    private TestWebServer _server = null!;

    public async Task InitializeAsync() => _server = await TestWebServer.StartAsync(https: true);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task UntrustedCertificateFailsAtTlsWithCertificateFacts()
    {
        var runner = TestAgent.Runner(TestAgent.Options(_server.BaseUrl));

        var result = await runner.RunAsync(TestAgent.Job(CheckKinds.HttpProbe, ("url", _server.Url("iis/").ToString()), ("proxyMode", "none")));

        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Equal("tls", result.Fact("failedAt").Text);
        Assert.False(result.Fact("tlsHandshake").Flag);
        Assert.False(result.Fact("tlsCertificateValid").Flag);
        Assert.Equal("CN=agent-test", result.Fact("tlsCertificateSubject").Text);
        Assert.InRange(result.Fact("tlsCertificateNotAfter").Date, DateTimeOffset.UtcNow.AddDays(29), DateTimeOffset.UtcNow.AddDays(31));
        Assert.True(result.Fact("tcpConnected").Flag);
        Assert.False(result.Fact("reachable").Flag);
        Assert.Contains("tls", result.Timings.PhasesMs.Keys);
    }
}
