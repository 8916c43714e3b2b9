using System.Text.Json;
using SupportBot.Agent.Contracts;

namespace SupportBot.Agent.Tests;

public sealed class RunCheckProcessTests
{
    [Fact]
    public async Task RunCheckPrintsTheResultAsJson()
    {
        using var agent = AgentProcess.Start("run-check", CheckKinds.OsInfo, "--lang", "en");

        Assert.Equal(0, await agent.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        var json = agent.Output[agent.Output.IndexOf('{')..];
        var result = JsonSerializer.Deserialize(json, AgentJsonContext.Default.CheckResult)!;
        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.StartsWith("Checking the Windows", agent.Output);
    }

    [Fact]
    public async Task RunCheckRefusesOffListUrlsWithTheShippedConfiguration()
    {
        using var agent = AgentProcess.Start("run-check", CheckKinds.HttpProbe, "--param", "url=http://127.0.0.1:9/", "--lang", "ja");

        Assert.Equal(1, await agent.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("\"status\": \"refused\"", agent.Output);
        Assert.Contains("この確認は許可されていない内容なので", agent.Output);
    }
}
