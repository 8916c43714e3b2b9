using SupportBot.Agent.Contracts;
using SupportBot.Flows.Checks;

namespace SupportBot.Flows.Tests.Checks;

/// <summary>How helper results become outcome names (the names flows map to choices).</summary>
public class CheckOutcomesTests
{
    private static readonly CheckTimings Timings = new(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, new Dictionary<string, double>());

    public static TheoryData<string, string> EveryOutcome()
    {
        var data = new TheoryData<string, string>();
        foreach (var (kind, names) in CheckOutcomes.ByKind)
            foreach (var name in names) data.Add(kind, name);
        return data;
    }

    [Fact]
    public void EveryAgentCheckKind_HasOutcomes()
    {
        Assert.Equal(CheckKinds.All.Order(), CheckOutcomes.ByKind.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(EveryOutcome))]
    public void Sample_ClassifiesBackToItsOutcome(string kind, string outcome)
    {
        var result = Result(kind, CheckResultSamples.Status(outcome), CheckResultSamples.Facts(kind, outcome));

        Assert.Equal(outcome, CheckOutcomes.Classify(result));
    }

    [Theory]
    [InlineData(CheckStatus.Error)]
    [InlineData(CheckStatus.Timeout)]
    [InlineData(CheckStatus.Refused)]
    [InlineData(CheckStatus.Unsupported)]
    public void NoAnswerStatuses_HaveNoOutcome(CheckStatus status)
    {
        Assert.Null(CheckOutcomes.Classify(Result(CheckKinds.HttpProbe, status, CheckResultSamples.Facts(CheckKinds.HttpProbe, "iis-page"))));
    }

    [Theory]
    [InlineData("10.0.22000.0", "windows-11")]
    [InlineData("10.0.26100.1", "windows-11")]
    [InlineData("10.0.19045.0", "windows-10")]
    [InlineData("6.3.9600.0", "other")]
    [InlineData("not a version", "other")]
    public void OsInfo_TellsWindows11FromItsBuild(string osVersion, string expected)
    {
        var result = Result(CheckKinds.OsInfo, CheckStatus.Pass, new() { ["osPlatform"] = "windows", ["osVersion"] = osVersion });

        Assert.Equal(expected, CheckOutcomes.Classify(result));
    }

    [Fact]
    public void HttpProbe_ProxyFailure_IsUnreachable()
    {
        var result = Result(CheckKinds.HttpProbe, CheckStatus.Fail, new() { ["proxyUsed"] = true, ["failedAt"] = "proxy" });

        Assert.Equal("unreachable", CheckOutcomes.Classify(result));
    }

    [Fact]
    public void RegistryValue_SecondKeyMissing_IsMissing_AndNoExpectedMeansMatch()
    {
        var missing = Result(CheckKinds.RegistryValue, CheckStatus.Fail, new() { ["present"] = true, ["comparePresent"] = false });
        var noExpected = Result(CheckKinds.RegistryValue, CheckStatus.Pass, new() { ["present"] = true, ["comparePresent"] = true, ["equalToCompareKey"] = true });

        Assert.Equal("missing", CheckOutcomes.Classify(missing));
        Assert.Equal("match", CheckOutcomes.Classify(noExpected));
    }

    [Fact]
    public void ProxySettings_AutoConfigOnly_IsProxyOn()
    {
        var result = Result(CheckKinds.ProxySettings, CheckStatus.Pass, new() { ["enabled"] = false, ["autoConfigured"] = true });

        Assert.Equal("proxy-on", CheckOutcomes.Classify(result));
    }

    [Fact]
    public void UnknownKind_HasNoOutcome()
    {
        Assert.Null(CheckOutcomes.Classify(Result("disk-space", CheckStatus.Pass, [])));
    }

    private static CheckResult Result(string kind, CheckStatus status, Dictionary<string, FactValue> facts) =>
        new("job-1", kind, status, facts, [], Timings);
}
