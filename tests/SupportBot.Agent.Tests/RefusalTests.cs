using SupportBot.Agent.Contracts;

namespace SupportBot.Agent.Tests;

public sealed class RefusalTests
{
    private static readonly Checks.CheckRunner Runner = TestAgent.Runner(TestAgent.Options(new Uri("http://127.0.0.1:5555/allowed/"), "passage-equal.utf16.reg"));

    [Theory]
    [InlineData("http://127.0.0.1:5556/allowed/")]         // other port
    [InlineData("http://127.0.0.1:5555/other/")]           // other path
    [InlineData("https://127.0.0.1:5555/allowed/")]        // other scheme
    [InlineData("http://user:pw@127.0.0.1:5555/allowed/")] // credentials
    [InlineData("https://passagelic.flexwp.yrl.com.evil.example/")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("file:///etc/passwd")]
    public async Task UrlOffTheAllowListIsRefused(string url)
    {
        var result = await Runner.RunAsync(TestAgent.Job(CheckKinds.HttpProbe, ("url", url)));

        Assert.Equal(CheckStatus.Refused, result.Status);
        Assert.Contains("allow-list", result.Reason);
        Assert.Empty(result.Facts);
    }

    [Fact]
    public async Task ClockSkewUrlOffTheAllowListIsRefused()
    {
        var result = await Runner.RunAsync(TestAgent.Job(CheckKinds.ClockSkew, ("url", "https://example.com/")));

        Assert.Equal(CheckStatus.Refused, result.Status);
    }

    [Theory]
    [InlineData(@"HKLM\SOFTWARE\YRL\FWP\Passage\Setup", "InstallPath")]   // allowed key, other value
    [InlineData(@"HKLM\SAM\SAM", "F")]                                   // other key
    [InlineData(@"HKLM\SOFTWARE\YRL\FWP\Passage", "CorpId")]             // parent key
    [InlineData(@"HKLM\SOFTWARE\YRL\FWP\Passage\Setup\..\..\Secret", "CorpId")]
    public async Task RegistryValueOffTheAllowListIsRefused(string key, string name)
    {
        var result = await Runner.RunAsync(TestAgent.Job(CheckKinds.RegistryValue, ("key", key), ("name", name)));

        Assert.Equal(CheckStatus.Refused, result.Status);
        Assert.Empty(result.Facts);
    }

    [Fact]
    public async Task CompareKeyOffTheAllowListIsRefused()
    {
        var result = await Runner.RunAsync(TestAgent.Job(CheckKinds.RegistryValue,
            ("key", @"HKLM\SOFTWARE\YRL\FWP\Passage\Setup"), ("name", "CorpId"), ("compareKey", @"HKLM\SOFTWARE\Other")));

        Assert.Equal(CheckStatus.Refused, result.Status);
    }

    [Fact]
    public async Task ProductOffTheAllowListIsRefused()
    {
        var result = await Runner.RunAsync(TestAgent.Job(CheckKinds.ProductVersion, ("product", "Other Tool")));

        Assert.Equal(CheckStatus.Refused, result.Status);
        Assert.Contains("Other Tool", result.Reason);
    }

    [Fact]
    public async Task UnknownKindIsUnsupported()
    {
        var result = await Runner.RunAsync(TestAgent.Job("shell", ("command", "whoami")));

        Assert.Equal(CheckStatus.Unsupported, result.Status);
    }

    [Fact]
    public async Task NewerContractVersionIsUnsupported()
    {
        var job = TestAgent.Job(CheckKinds.OsInfo) with { ContractVersion = AgentContract.ContractVersion + 1 };

        var result = await Runner.RunAsync(job);

        Assert.Equal(CheckStatus.Unsupported, result.Status);
    }

    [Fact]
    public async Task MissingParameterIsAnError()
    {
        var result = await Runner.RunAsync(TestAgent.Job(CheckKinds.RegistryValue, ("key", @"HKLM\SOFTWARE\YRL\FWP\Passage\Setup")));

        Assert.Equal(CheckStatus.Error, result.Status);
        Assert.Contains("name", result.Reason);
    }
}
