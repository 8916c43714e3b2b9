using SupportBot.Agent.Contracts;

namespace SupportBot.Agent.Tests;

public sealed class RegistryValueCheckTests
{
    private const string Setup = @"HKEY_LOCAL_MACHINE\SOFTWARE\YRL\FWP\Passage\Setup";
    private const string Var = @"HKEY_LOCAL_MACHINE\SOFTWARE\YRL\FWP\Passage\var";

    private static Task<CheckResult> CorpIdAsync(string fixture, params (string, string)[] extra) =>
        TestAgent.Runner(TestAgent.Options(regFile: fixture))
            .RunAsync(TestAgent.Job(CheckKinds.RegistryValue, [("key", Setup), ("name", "CorpId"), ("compareKey", Var), .. extra]));

    [Fact]
    public async Task CorpIdPresentAndEqualPasses()
    {
        var result = await CorpIdAsync("passage-equal.utf16.reg", ("expected", "ABC123"));

        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.True(result.Fact("present").Flag);
        Assert.True(result.Fact("comparePresent").Flag);
        Assert.True(result.Fact("equalToCompareKey").Flag);
        Assert.True(result.Fact("matchesExpected").Flag);
        Assert.Equal("AB***", result.Fact("maskedValue").Text);
    }

    [Fact]
    public async Task CorpIdValuesDifferFails()
    {
        var result = await CorpIdAsync("passage-different.utf8.reg");

        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.True(result.Fact("present").Flag);
        Assert.False(result.Fact("equalToCompareKey").Flag);
        Assert.Equal("XY***", result.Fact("compareMaskedValue").Text);
    }

    [Fact]
    public async Task CorpIdDifferentFromTheConfirmedCodeFails()
    {
        var result = await CorpIdAsync("passage-equal.utf16.reg", ("expected", "ABC124"));

        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.True(result.Fact("equalToCompareKey").Flag);
        Assert.False(result.Fact("matchesExpected").Flag);
    }

    [Fact]
    public async Task CorpIdMissingFails()
    {
        var result = await CorpIdAsync("passage-missing.utf8bom.reg");

        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.False(result.Fact("present").Flag);
        Assert.False(result.Fact("comparePresent").Flag);
        Assert.DoesNotContain("maskedValue", result.Facts.Keys);
    }

    [Theory]
    [InlineData("passage-equal.utf16.reg")]
    [InlineData("passage-different.utf8.reg")]
    public async Task SensitiveValuesNeverLeaveInFull(string fixture)
    {
        var result = await CorpIdAsync(fixture, ("expected", "ABC123"));
        var json = System.Text.Json.JsonSerializer.Serialize(result, AgentJsonContext.Default.CheckResult);

        Assert.DoesNotContain("ABC123", json);
        Assert.DoesNotContain("XYZ999", json);
    }

    [Fact]
    public async Task NonSensitiveValueIsReturned()
    {
        var result = await TestAgent.Runner(TestAgent.Options(regFile: "passage-equal.utf16.reg")).RunAsync(TestAgent.Job(CheckKinds.RegistryValue,
            ("key", @"HKCU\Software\Microsoft\Windows\CurrentVersion\Internet Settings"), ("name", "ProxyServer")));

        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.Equal("proxy.corp.local:8080", result.Fact("value").Text);
    }
}
