using System.Text.Json;
using SupportBot.Agent.Contracts;

namespace SupportBot.Agent.Tests;

public sealed class ContractJsonTests
{
    [Fact]
    public void ResultSerialisesCamelCaseWithPlainFactValues()
    {
        var at = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
        var result = new CheckResult("j1", CheckKinds.HttpProbe, CheckStatus.Pass,
            new Dictionary<string, FactValue> { ["reachable"] = true, ["httpStatus"] = 200, ["url"] = "https://x/", ["notAfter"] = at },
            ["HTTP: 200 OK"], new CheckTimings(at, at.AddSeconds(1), new Dictionary<string, double> { ["tcp"] = 1.5 }));

        var json = JsonSerializer.Serialize(result, AgentJsonContext.Default.CheckResult);

        Assert.Contains("\"status\":\"pass\"", json);
        Assert.Contains("\"reachable\":true", json);
        Assert.Contains("\"httpStatus\":200", json);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal("2026-11-23T10:00:00.0000000+00:00", doc.RootElement.GetProperty("facts").GetProperty("notAfter").GetString());
        Assert.Contains("\"contractVersion\":1", json);
        Assert.Contains("\"jobId\":\"j1\"", json);
    }

    [Fact]
    public void ResultRoundTripsWithFactKinds()
    {
        var at = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(9));
        var original = new CheckResult("j1", CheckKinds.ClockSkew, CheckStatus.Timeout,
            new Dictionary<string, FactValue> { ["b"] = false, ["n"] = -1.25, ["s"] = "2.5.0", ["d"] = at }, [], new CheckTimings(at, at, new Dictionary<string, double>()), "slow");

        var back = JsonSerializer.Deserialize(JsonSerializer.Serialize(original, AgentJsonContext.Default.CheckResult), AgentJsonContext.Default.CheckResult)!;

        Assert.Equal(CheckStatus.Timeout, back.Status);
        Assert.Equal(FactValue.Of(false), back.Facts["b"]);
        Assert.Equal(FactValue.Of(-1.25), back.Facts["n"]);
        Assert.Equal(FactValue.Of("2.5.0"), back.Facts["s"]);
        Assert.Equal(FactKind.Date, back.Facts["d"].Kind);
        Assert.Equal(at, back.Facts["d"].Date);
        Assert.Equal("slow", back.Reason);
    }

    [Fact]
    public void JobPollResponseReadsServerJson()
    {
        const string json = """
            {"jobs":[{"jobId":"a","kind":"registry-value","parameters":{"key":"HKLM\\X","name":"CorpId"},"deadline":"2026-11-23T10:00:30Z"}],
             "serverTime":"2026-11-23T10:00:00Z","contractVersion":1}
            """;

        var poll = JsonSerializer.Deserialize(json, AgentJsonContext.Default.JobPollResponse)!;

        Assert.Equal("CorpId", poll.Jobs[0].Parameter("name"));
        Assert.Equal(TimeSpan.FromSeconds(30), poll.Jobs[0].Deadline - poll.ServerTime!.Value);
        Assert.Equal(AgentContract.ContractVersion, poll.Jobs[0].ContractVersion);
    }

    [Fact]
    public async Task MinimalJobWithoutParametersOrDeadlineStillRuns()
    {
        var poll = JsonSerializer.Deserialize("""{"jobs":[{"jobId":"x","kind":"os-info"}]}""", AgentJsonContext.Default.JobPollResponse)!;
        var job = poll.Jobs[0];

        Assert.Null(job.Parameter("url"));
        var result = await TestAgent.Runner(TestAgent.Options()).RunAsync(job, untilDeadline: null, CancellationToken.None);
        Assert.Equal(CheckStatus.Pass, result.Status);
    }

    [Fact]
    public void PairResponseDoesNotCarryAConversationId()
    {
        var names = typeof(PairResponse).GetProperties().Select(p => p.Name);

        Assert.DoesNotContain(names, n => n.Contains("Conversation", StringComparison.OrdinalIgnoreCase));
    }
}
