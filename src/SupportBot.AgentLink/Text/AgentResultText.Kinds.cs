using SupportBot.Agent.Contracts;

namespace SupportBot.AgentLink.Text;

/// <summary>One method per check kind.</summary>
public static partial class AgentResultText
{
    private static string HttpProbe(CheckResult r, bool en, string? target)
    {
        var name = TargetName(r, en, target);
        var direct = Text(r, "proxyMode") == "none";
        var how = direct && en ? " without the proxy" : "";
        var ja = direct && !en ? "プロキシを使わずに" : ""; // Japanese puts the manner first
        if (r.Status == CheckStatus.Pass)
        {
            var iis = Bool(r, "iisDefaultPage") == true;
            return en
                ? $"Connected to {name}{how}" + (iis ? " (the Internet Information Services page appeared)." : ".")
                : $"{ja}{name}に接続できました" + (iis ? "（Internet Information Services のページを確認しました）。" : "。");
        }
        var status = Number(r, "httpStatus");
        return Text(r, "failedAt") switch
        {
            "dns" => en ? $"Could not find {name} (name lookup failed)." : $"{name}が見つかりませんでした（名前解決に失敗しました）。",
            "proxy" => en ? $"Could not connect to {name} through the proxy." : $"プロキシ経由では{name}に接続できませんでした。",
            "tls" => en ? $"Reached {name}, but the secure connection (certificate) failed." : $"{name}には届きましたが、安全な接続（証明書）の確認に失敗しました。",
            _ when Bool(r, "reachable") == true && Bool(r, "iisDefaultPage") == false && status is >= 200 and < 300 =>
                en ? $"Connected to {name}{how}, but the Internet Information Services page did not appear."
                   : $"{ja}{name}に接続できましたが、Internet Information Services のページは表示されませんでした。",
            _ when status is { } code => en ? $"{name} answered with an error (HTTP {Format(code)})." : $"{name}からエラーが返りました（HTTP {Format(code)}）。",
            _ => en ? $"Could not connect to {name}{how}." : $"{ja}{name}に接続できませんでした。",
        };
    }

    private static string ProxySettings(CheckResult r, bool en)
    {
        var server = Text(r, "server");
        if (Bool(r, "autoConfigured") == true || Text(r, "autoConfigUrl") is not null)
            return en ? "A proxy auto-configuration script is set on this PC." : "このパソコンにはプロキシの自動構成スクリプトが設定されています。";
        if (Bool(r, "enabled") == true)
            return en ? $"A proxy is set on this PC ({server ?? "no server named"})." : $"このパソコンにはプロキシが設定されています（{server ?? "サーバー名なし"}）。";
        return en ? "No proxy is set on this PC." : "このパソコンにはプロキシが設定されていません。";
    }

    private static string RegistryValue(CheckResult r, bool en)
    {
        // Sensitive values (the CorpId) come masked; a plain value is a non-sensitive setting such as ProxyEnable.
        var sensitive = Text(r, "value") is null;
        var name = sensitive ? (en ? "The company code (CorpId)" : "企業コード（CorpId）") : (en ? "The setting" : "設定値");
        if (Bool(r, "present") == false) return en ? $"{name} was not found on this PC." : $"{name}がこのパソコンに見つかりませんでした。";
        var sentences = new List<string>();
        if (Bool(r, "comparePresent") == false)
            sentences.Add(en ? $"{name} is set in only one of the two places." : $"{name}は 2 か所のうち 1 か所にしかありませんでした。");
        else if (Bool(r, "equalToCompareKey") is { } equal)
            sentences.Add(equal
                ? (en ? $"{name} has the same value in both places." : $"{name}は 2 か所とも同じ値でした。")
                : (en ? $"{name} differs between the two places ({Text(r, "maskedValue")} and {Text(r, "compareMaskedValue")})."
                      : $"{name}は 2 か所で値が違いました（{Text(r, "maskedValue")} と {Text(r, "compareMaskedValue")}）。"));
        if (Bool(r, "matchesExpected") is { } matches)
            sentences.Add(matches
                ? (en ? "It matches the company code you confirmed." : "確認していただいた企業コードと一致しています。")
                : (en ? "It does not match the company code you confirmed." : "確認していただいた企業コードとは一致しませんでした。"));
        if (sentences.Count == 0 && !sensitive && Text(r, "value") is { } value)
            sentences.Add(en ? $"The value is {value}." : $"値は {value} です。");
        if (sentences.Count == 0) sentences.Add(en ? $"{name} is set ({Text(r, "maskedValue")})." : $"{name}は設定されています（{Text(r, "maskedValue")}）。");
        return string.Join(en ? " " : "", sentences);
    }

    private static string ProductVersion(CheckResult r, bool en)
    {
        var product = Text(r, "product") ?? "Passage";
        if (Bool(r, "installed") == false) return en ? $"{product} is not installed on this PC." : $"{product} はこのパソコンにインストールされていませんでした。";
        var version = Text(r, "version") ?? "?";
        var suffix = "";
        if (Text(r, "minimum") is { } minimum && Bool(r, "atLeast") is { } atLeast)
            suffix = atLeast ? (en ? $" ({minimum} or later)" : $"（{minimum} 以降）") : (en ? $" (older than {minimum})" : $"（{minimum} より前の版）");
        return en ? $"{product} is version {version}{suffix}." : $"{product} のバージョンは {version} です{suffix}。";
    }

    private static string ClockSkew(CheckResult r, bool en, string? target)
    {
        var skew = Number(r, "skewSeconds") ?? 0;
        if (Bool(r, "withinLimit") == true || r.Status == CheckStatus.Pass)
            return en ? $"The PC clock is right (off by {Format(Math.Abs(skew))} s)." : $"パソコンの時計は正確でした（ずれは {Format(Math.Abs(skew))} 秒）。";
        var minutes = Format(Math.Round(Math.Abs(skew) / 60, 1));
        return skew > 0
            ? (en ? $"The PC clock is {minutes} minutes fast compared with {TargetName(r, en, target)}." : $"パソコンの時計が {minutes} 分進んでいます。")
            : (en ? $"The PC clock is {minutes} minutes slow compared with {TargetName(r, en, target)}." : $"パソコンの時計が {minutes} 分遅れています。");
    }

    private static string OsInfo(CheckResult r, bool en)
    {
        var os = Text(r, "osDescription") ?? Text(r, "osPlatform") ?? "?";
        var bits = Bool(r, "is64BitOs") switch { true => en ? ", 64-bit" : "（64 ビット）", false => en ? ", 32-bit" : "（32 ビット）", _ => "" };
        return en ? $"This PC runs {os}{bits}." : $"このパソコンは {os}{bits} です。";
    }
}
