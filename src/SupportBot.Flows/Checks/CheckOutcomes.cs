using SupportBot.Agent.Contracts;

namespace SupportBot.Flows.Checks;

/// <summary>
/// Turns an agent's <see cref="CheckResult"/> into one outcome name per check kind. Flows map these names to the
/// choices of their question (dialogs/README.md lists them); a result with any status other than pass/fail has no
/// outcome, so the flow asks the user instead.
/// </summary>
public static class CheckOutcomes
{
    /// <summary>The outcome names each kind can produce (a flow naming any other is a load error).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ByKind { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        [CheckKinds.HttpProbe] = ["iis-page", "other-page", "unreachable"],
        [CheckKinds.ProxySettings] = ["proxy-on", "proxy-off"],
        [CheckKinds.RegistryValue] = ["match", "missing", "differ", "not-expected"],
        [CheckKinds.ProductVersion] = ["at-least", "older", "installed", "not-installed"],
        [CheckKinds.ClockSkew] = ["clock-ok", "clock-off"],
        [CheckKinds.OsInfo] = ["windows-11", "windows-10", "other"],
    };

    /// <summary>The outcome of <paramref name="result"/>, or null when the check gave no usable answer.</summary>
    public static string? Classify(CheckResult result)
    {
        if (result.Status is not (CheckStatus.Pass or CheckStatus.Fail)) return null;
        var facts = result.Facts;
        return result.Kind switch
        {
            CheckKinds.HttpProbe => Flag(facts, "iisDefaultPage") == true ? "iis-page"
                : Flag(facts, "reachable") == true ? "other-page" : "unreachable",
            CheckKinds.ProxySettings => Flag(facts, "enabled") == true || Flag(facts, "autoConfigured") == true ? "proxy-on" : "proxy-off",
            CheckKinds.RegistryValue => Registry(facts),
            CheckKinds.ProductVersion => Flag(facts, "installed") != true ? "not-installed"
                : Flag(facts, "atLeast") switch { true => "at-least", false => "older", null => "installed" },
            CheckKinds.ClockSkew => Flag(facts, "withinLimit") switch { true => "clock-ok", false => "clock-off", null => null },
            CheckKinds.OsInfo => Os(facts),
            _ => null,
        };
    }

    // Present (both, when compared), equal to each other, equal to the expected code: each is its own answer.
    private static string Registry(IReadOnlyDictionary<string, FactValue> facts)
    {
        if (Flag(facts, "present") != true || Flag(facts, "comparePresent") == false) return "missing";
        if (Flag(facts, "equalToCompareKey") == false) return "differ";
        if (Flag(facts, "matchesExpected") == false) return "not-expected";
        return "match";
    }

    // Windows 11 still reports 10.0; its builds start at 22000.
    private static string Os(IReadOnlyDictionary<string, FactValue> facts)
    {
        if (Text(facts, "osPlatform") != "windows" || !Version.TryParse(Text(facts, "osVersion"), out var version)) return "other";
        if (version.Major == 10 && version.Build >= 22000) return "windows-11";
        return version.Major == 10 ? "windows-10" : "other";
    }

    private static bool? Flag(IReadOnlyDictionary<string, FactValue> facts, string name) =>
        facts.TryGetValue(name, out var v) && v.Kind == FactKind.Bool ? v.Flag : null;

    private static string? Text(IReadOnlyDictionary<string, FactValue> facts, string name) =>
        facts.TryGetValue(name, out var v) ? v.ToString() : null;

    /// <summary>Facts as invariant text, for <c>{fact}</c> placeholders and slots.</summary>
    public static IReadOnlyDictionary<string, string> AsText(CheckResult result) =>
        result.Facts.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
}
