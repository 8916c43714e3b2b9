using SupportBot.Agent.Contracts;

namespace SupportBot.Flows.Checks;

/// <summary>
/// Typical helper results for each outcome name: what scripted conversations (<c>agent: { outcome: … }</c>) and
/// tests replay. Each sample is classified back to its own outcome by <see cref="CheckOutcomes.Classify"/>.
/// </summary>
public static class CheckResultSamples
{
    private static readonly IReadOnlySet<string> Failing = new HashSet<string>(StringComparer.Ordinal)
    {
        "other-page", "unreachable", "missing", "differ", "not-expected", "older", "not-installed", "clock-off",
    };

    /// <summary>The facts a helper reports for <paramref name="outcome"/> of <paramref name="kind"/>.</summary>
    /// <exception cref="ArgumentException">The kind has no such outcome.</exception>
    public static Dictionary<string, FactValue> Facts(string kind, string outcome) => (kind, outcome) switch
    {
        (CheckKinds.HttpProbe, "iis-page") => new() { ["reachable"] = true, ["httpStatus"] = 200, ["iisDefaultPage"] = true },
        (CheckKinds.HttpProbe, "other-page") => new() { ["reachable"] = true, ["httpStatus"] = 200, ["iisDefaultPage"] = false },
        (CheckKinds.HttpProbe, "unreachable") => new() { ["reachable"] = false, ["failedAt"] = "tcp" },
        (CheckKinds.ProxySettings, "proxy-on") => new() { ["enabled"] = true, ["autoConfigured"] = false, ["server"] = "proxy.example:8080" },
        (CheckKinds.ProxySettings, "proxy-off") => new() { ["enabled"] = false, ["autoConfigured"] = false },
        (CheckKinds.RegistryValue, "match") => Registry(true, true, true, true),
        (CheckKinds.RegistryValue, "missing") => Registry(false, true, true, true),
        (CheckKinds.RegistryValue, "differ") => Registry(true, true, false, false),
        (CheckKinds.RegistryValue, "not-expected") => Registry(true, true, true, false),
        (CheckKinds.ProductVersion, "at-least") => new() { ["installed"] = true, ["version"] = "2.6.0", ["minimum"] = "2.5.0", ["atLeast"] = true },
        (CheckKinds.ProductVersion, "older") => new() { ["installed"] = true, ["version"] = "2.4.1", ["minimum"] = "2.5.0", ["atLeast"] = false },
        (CheckKinds.ProductVersion, "installed") => new() { ["installed"] = true, ["version"] = "2.6.0" },
        (CheckKinds.ProductVersion, "not-installed") => new() { ["installed"] = false },
        (CheckKinds.ClockSkew, "clock-ok") => new() { ["skewSeconds"] = 2, ["withinLimit"] = true },
        (CheckKinds.ClockSkew, "clock-off") => new() { ["skewSeconds"] = 900, ["withinLimit"] = false },
        (CheckKinds.OsInfo, "windows-11") => new() { ["osPlatform"] = "windows", ["osVersion"] = "10.0.22631.0" },
        (CheckKinds.OsInfo, "windows-10") => new() { ["osPlatform"] = "windows", ["osVersion"] = "10.0.19045.0" },
        (CheckKinds.OsInfo, "other") => new() { ["osPlatform"] = "linux", ["osVersion"] = "6.8.0" },
        _ => throw new ArgumentException($"check kind '{kind}' has no outcome '{outcome}'", nameof(outcome)),
    };

    /// <summary>Pass for the outcomes that mean "fine", fail for the ones that found a problem.</summary>
    public static CheckStatus Status(string outcome) => Failing.Contains(outcome) ? CheckStatus.Fail : CheckStatus.Pass;

    // Sensitive values are only ever compared and masked by the helper, so the sample carries no value.
    private static Dictionary<string, FactValue> Registry(bool present, bool comparePresent, bool equal, bool expected) => new()
    {
        ["present"] = present, ["comparePresent"] = comparePresent, ["equalToCompareKey"] = equal,
        ["matchesExpected"] = expected, ["maskedValue"] = "C****1",
    };
}
