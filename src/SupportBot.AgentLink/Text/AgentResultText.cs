using System.Globalization;
using SupportBot.Agent.Contracts;

namespace SupportBot.AgentLink.Text;

/// <summary>
/// Plain words for the user about what the helper checked and found (Japanese by default, English for <c>en*</c>).
/// Only facts meant for display are used: sensitive values appear masked (<c>maskedValue</c>), never in full.
/// </summary>
public static partial class AgentResultText
{
    /// <summary>One or two sentences describing <paramref name="result"/>.</summary>
    /// <param name="result">The check result.</param>
    /// <param name="locale">The conversation locale (<c>ja-JP</c>, <c>en-US</c>, …); null = Japanese.</param>
    /// <param name="target">How to name an http-probe/clock-skew URL (e.g. 「ライセンスサーバー」); null = a known name or the host.</param>
    public static string Describe(CheckResult result, string? locale, string? target = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var en = IsEnglish(locale);
        if (NoAnswer(result, en) is { } noAnswer) return noAnswer;
        return result.Kind switch
        {
            CheckKinds.HttpProbe => HttpProbe(result, en, target),
            CheckKinds.ProxySettings => ProxySettings(result, en),
            CheckKinds.RegistryValue => RegistryValue(result, en),
            CheckKinds.ProductVersion => ProductVersion(result, en),
            CheckKinds.ClockSkew => ClockSkew(result, en, target),
            CheckKinds.OsInfo => OsInfo(result, en),
            _ => en ? "The helper sent a result this version of the bot does not know." : "このボットが知らない種類の確認結果が届きました。",
        };
    }

    /// <summary>
    /// The two license-server probes together (<c>proxyMode=system</c> and <c>none</c>), e.g.
    /// 「プロキシを使わない設定では接続できましたが、プロキシ経由では接続できませんでした」.
    /// </summary>
    public static string DescribeReachability(CheckResult viaSystemProxy, CheckResult withoutProxy, string? locale, string? target = null)
    {
        ArgumentNullException.ThrowIfNull(viaSystemProxy);
        ArgumentNullException.ThrowIfNull(withoutProxy);
        var en = IsEnglish(locale);
        bool? system = Answered(viaSystemProxy) ? viaSystemProxy.Status == CheckStatus.Pass : null;
        bool? direct = Answered(withoutProxy) ? withoutProxy.Status == CheckStatus.Pass : null;
        var name = TargetName(withoutProxy, en, target);
        return (system, direct, Bool(viaSystemProxy, "proxyUsed") == true) switch
        {
            (false, true, true) => en ? $"Connecting to {name} worked without the proxy, but not through the proxy."
                                      : $"プロキシを使わない設定では{name}に接続できましたが、プロキシ経由では接続できませんでした。",
            (true, _, _) => HttpProbe(viaSystemProxy, en, target),
            (false, false, _) => en ? $"Could not connect to {name}, neither through the proxy nor without it."
                                    : $"{name}には、プロキシ経由でもプロキシなしでも接続できませんでした。",
            _ => Describe(system is null ? viaSystemProxy : withoutProxy, locale, target),
        };
    }

    private static bool Answered(CheckResult result) => result.Status is CheckStatus.Pass or CheckStatus.Fail;

    private static string? NoAnswer(CheckResult result, bool en) => result.Status switch
    {
        CheckStatus.Refused => en ? "The helper did not run this check: it is not on its list of allowed checks."
                                  : "この確認は確認用プログラムの許可リストにないため、実行されませんでした。",
        CheckStatus.Unsupported => en ? "The helper on this PC cannot run this check (please update it)."
                                      : "お使いの確認用プログラムはこの確認に対応していません（新しい版をお使いください）。",
        CheckStatus.Timeout => en ? "The check did not finish in time." : "時間内に確認が終わりませんでした。",
        CheckStatus.Error => en ? "The helper could not carry out this check." : "確認用プログラムでこの確認ができませんでした。",
        _ => null,
    };

    private static bool IsEnglish(string? locale) => locale?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true;

    private static string? Text(CheckResult result, string name) =>
        result.Facts.TryGetValue(name, out var value) && value.Kind == FactKind.String && !string.IsNullOrWhiteSpace(value.Text) ? value.Text : null;

    private static bool? Bool(CheckResult result, string name) =>
        result.Facts.TryGetValue(name, out var value) && value.Kind == FactKind.Bool ? value.Flag : null;

    private static double? Number(CheckResult result, string name) =>
        result.Facts.TryGetValue(name, out var value) && value.Kind == FactKind.Number ? value.Number : null;

    private static string Format(double number) => number.ToString("0.#", CultureInfo.InvariantCulture);

    private static string TargetName(CheckResult result, bool en, string? target)
    {
        if (!string.IsNullOrWhiteSpace(target)) return target;
        var host = Uri.TryCreate(Text(result, "url"), UriKind.Absolute, out var url) ? url.Host : null;
        if (host is not null && host.StartsWith("passagelic.", StringComparison.OrdinalIgnoreCase)) return en ? "the license server" : "ライセンスサーバー";
        return host ?? (en ? "the server" : "サーバー");
    }
}
