using SupportBot.Agent.Contracts;
using SupportBot.AgentLink.Text;

namespace SupportBot.AgentLink.Tests;

/// <summary>Plain-words rendering for every check kind, Japanese and English.</summary>
public sealed class AgentResultTextTests
{
    private static CheckResult Result(string kind, CheckStatus status, params (string Name, FactValue Value)[] facts) =>
        new("j-1", kind, status, facts.ToDictionary(f => f.Name, f => f.Value), [],
            new CheckTimings(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, new Dictionary<string, double>()));

    private const string LicenseUrl = "https://passagelic.flexwp.yrl.com/";

    [Fact]
    public void HttpProbe()
    {
        var pass = Result(CheckKinds.HttpProbe, CheckStatus.Pass, ("url", LicenseUrl), ("proxyMode", "system"), ("iisDefaultPage", true), ("httpStatus", 200));
        Assert.Equal("ライセンスサーバーに接続できました（Internet Information Services のページを確認しました）。", AgentResultText.Describe(pass, "ja-JP"));
        Assert.Equal("Connected to the license server (the Internet Information Services page appeared).", AgentResultText.Describe(pass, "en-US"));

        var dns = Result(CheckKinds.HttpProbe, CheckStatus.Fail, ("url", "https://lic.corp.example/"), ("failedAt", "dns"));
        Assert.Equal("lic.corp.exampleが見つかりませんでした（名前解決に失敗しました）。", AgentResultText.Describe(dns, null));
    }

    [Fact]
    public void ReachableOnlyWithoutTheProxy()
    {
        var viaProxy = Result(CheckKinds.HttpProbe, CheckStatus.Fail, ("url", LicenseUrl), ("proxyMode", "system"), ("proxyUsed", true), ("failedAt", "proxy"));
        var direct = Result(CheckKinds.HttpProbe, CheckStatus.Pass, ("url", LicenseUrl), ("proxyMode", "none"), ("iisDefaultPage", true));

        Assert.Equal("プロキシを使わない設定ではライセンスサーバーに接続できましたが、プロキシ経由では接続できませんでした。",
            AgentResultText.DescribeReachability(viaProxy, direct, "ja"));
        Assert.Equal("Connecting to the license server worked without the proxy, but not through the proxy.",
            AgentResultText.DescribeReachability(viaProxy, direct, "en"));
    }

    [Fact]
    public void RegistryValueShowsOnlyMaskedValues()
    {
        var equal = Result(CheckKinds.RegistryValue, CheckStatus.Pass, ("present", true), ("maskedValue", "AB***"),
            ("comparePresent", true), ("equalToCompareKey", true), ("compareMaskedValue", "AB***"));
        Assert.Equal("企業コード（CorpId）は 2 か所とも同じ値でした。", AgentResultText.Describe(equal, "ja-JP"));

        var different = Result(CheckKinds.RegistryValue, CheckStatus.Fail, ("present", true), ("maskedValue", "AB***"),
            ("comparePresent", true), ("equalToCompareKey", false), ("compareMaskedValue", "XY***"), ("matchesExpected", false));
        var text = AgentResultText.Describe(different, "ja-JP");
        Assert.Equal("企業コード（CorpId）は 2 か所で値が違いました（AB*** と XY***）。確認していただいた企業コードとは一致しませんでした。", text);

        var missing = Result(CheckKinds.RegistryValue, CheckStatus.Fail, ("present", false));
        Assert.Equal("The company code (CorpId) was not found on this PC.", AgentResultText.Describe(missing, "en"));
    }

    [Fact]
    public void ProductVersion()
    {
        var current = Result(CheckKinds.ProductVersion, CheckStatus.Pass, ("product", "Passage"), ("installed", true), ("version", "2.6.0"));
        Assert.Equal("Passage のバージョンは 2.6.0 です。", AgentResultText.Describe(current, "ja-JP"));
        var old = Result(CheckKinds.ProductVersion, CheckStatus.Fail, ("product", "Passage"), ("installed", true), ("version", "2.4.3"),
            ("minimum", "2.5.0"), ("atLeast", false));
        Assert.Equal("Passage is version 2.4.3 (older than 2.5.0).", AgentResultText.Describe(old, "en-GB"));
        var absent = Result(CheckKinds.ProductVersion, CheckStatus.Fail, ("product", "Passage"), ("installed", false));
        Assert.Equal("Passage はこのパソコンにインストールされていませんでした。", AgentResultText.Describe(absent, "ja"));
    }

    [Fact]
    public void ProxyClockAndOs()
    {
        Assert.Equal("このパソコンにはプロキシが設定されています（proxy.corp.local:8080）。", AgentResultText.Describe(
            Result(CheckKinds.ProxySettings, CheckStatus.Pass, ("enabled", true), ("server", "proxy.corp.local:8080")), "ja"));
        Assert.Equal("No proxy is set on this PC.", AgentResultText.Describe(
            Result(CheckKinds.ProxySettings, CheckStatus.Pass, ("enabled", false)), "en"));
        Assert.Equal("パソコンの時計が 10 分進んでいます。", AgentResultText.Describe(
            Result(CheckKinds.ClockSkew, CheckStatus.Fail, ("skewSeconds", 600), ("withinLimit", false)), "ja"));
        Assert.Equal("パソコンの時計は正確でした（ずれは 2 秒）。", AgentResultText.Describe(
            Result(CheckKinds.ClockSkew, CheckStatus.Pass, ("skewSeconds", -2), ("withinLimit", true)), "ja"));
        Assert.Equal("このパソコンは Microsoft Windows 10.0.19045（64 ビット） です。", AgentResultText.Describe(
            Result(CheckKinds.OsInfo, CheckStatus.Pass, ("osDescription", "Microsoft Windows 10.0.19045"), ("is64BitOs", true)), "ja"));
    }

    [Theory]
    [InlineData(CheckStatus.Refused, "許可リスト")]
    [InlineData(CheckStatus.Timeout, "時間内に確認が終わりませんでした")]
    [InlineData(CheckStatus.Error, "できませんでした")]
    [InlineData(CheckStatus.Unsupported, "対応していません")]
    public void NoAnswerStatuses(CheckStatus status, string expected) =>
        Assert.Contains(expected, AgentResultText.Describe(Result(CheckKinds.HttpProbe, status), "ja-JP"));
}
