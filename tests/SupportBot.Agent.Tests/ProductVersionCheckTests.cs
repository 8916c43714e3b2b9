using SupportBot.Agent.Configuration;
using SupportBot.Agent.Contracts;

namespace SupportBot.Agent.Tests;

public sealed class ProductVersionCheckTests
{
    private static Task<CheckResult> PassageAsync(AgentOptions options, string? minimum = "2.5.0") =>
        TestAgent.Runner(options).RunAsync(minimum is null
            ? TestAgent.Job(CheckKinds.ProductVersion, ("product", "Passage"))
            : TestAgent.Job(CheckKinds.ProductVersion, ("product", "passage"), ("minimum", minimum)));

    [Fact]
    public async Task NewEnoughVersionFromUninstallKeysPasses()
    {
        var result = await PassageAsync(TestAgent.Options(regFile: "passage-equal.utf16.reg"));

        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.Equal("2.5.1", result.Fact("version").Text);
        Assert.Equal("YRL Passage", result.Fact("displayName").Text);
        Assert.True(result.Fact("atLeast").Flag);
        Assert.Equal("uninstall", result.Fact("source").Text);
    }

    [Fact]
    public async Task OlderVersionFromThe32BitViewFails()
    {
        var result = await PassageAsync(TestAgent.Options(regFile: "passage-different.utf8.reg"));

        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.True(result.Fact("installed").Flag);
        Assert.Equal("2.4.3", result.Fact("version").Text);
        Assert.False(result.Fact("atLeast").Flag);
        Assert.Equal("uninstall-32bit", result.Fact("source").Text);
    }

    [Fact]
    public async Task NotInstalledFails()
    {
        var result = await PassageAsync(TestAgent.Options(regFile: "passage-missing.utf8bom.reg"));

        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.False(result.Fact("installed").Flag);
    }

    [Fact]
    public async Task VersionFileIsUsedWithoutUninstallKeys()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "v2.5.0\nbuild 77\n");
        try
        {
            var options = TestAgent.Options() with
            {
                AllowList = AllowListOptions.PassageDefaults() with { Products = [new AllowedProduct("Passage", "Passage", file)] },
            };
            var result = await PassageAsync(options);

            Assert.Equal(CheckStatus.Pass, result.Status);
            Assert.Equal("v2.5.0", result.Fact("version").Text);
            Assert.Equal("version-file", result.Fact("source").Text);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("2.5.0", "2.5", true)]
    [InlineData("2.10.0", "2.9.9", true)]
    [InlineData("2.4.99", "2.5.0", false)]
    [InlineData("v2.5.0.1234 (build)", "2.5.0", true)]
    public void VersionsCompareComponentWise(string installed, string minimum, bool atLeast) =>
        Assert.Equal(atLeast, Checks.VersionText.Parse(installed) >= Checks.VersionText.Parse(minimum));
}
