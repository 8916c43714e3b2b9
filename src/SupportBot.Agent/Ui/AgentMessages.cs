using System.Globalization;
using SupportBot.Agent.Contracts;

namespace SupportBot.Agent.Ui;

/// <summary>The progress lines a beginner reads, in Japanese or English. Plain words, no jargon.</summary>
public sealed record AgentMessages(
    string Connecting, string Connected, string PairRejected, string Waiting, string Sent,
    string Ended, string Idle, string Cancelled, string Unreachable, string GaveUp, string TokenRejected,
    string CheckingConnection, string CheckingConnectionNoProxy, string CheckingProxy, string CheckingRegistry,
    string CheckingProduct, string CheckingClock, string CheckingOs, string CheckingOther,
    string DoneConnected, string DoneNotConnected, string DoneOk, string DoneFound,
    string DoneRefused, string DoneTimeout, string DoneFailed)
{
    /// <summary>日本語.</summary>
    public static AgentMessages Japanese { get; } = new(
        Connecting: "サポートボットに接続しています…",
        Connected: "サポートボットと接続しました。チャット画面に戻ってください（この画面は開いたままにしてください）。",
        PairRejected: "接続できませんでした。コードが違うか、有効期限が切れています。チャットに表示された新しいコードでもう一度お試しください。",
        Waiting: "サポートボットからの確認の依頼を待っています…（やめるときは Ctrl+C を押してください）",
        Sent: "結果をサポートボットに送りました。",
        Ended: "チャットが終了したので、このプログラムも終了します。ご協力ありがとうございました。",
        Idle: "しばらく確認の依頼がなかったので、終了します。",
        Cancelled: "中断しました。",
        Unreachable: "サポートボットにつながりません。少し待ってからもう一度試します…",
        GaveUp: "サポートボットにつながりませんでした。インターネットの接続を確かめて、もう一度お試しください。",
        TokenRejected: "接続の有効期限が切れました。チャットで新しいコードを表示して、もう一度お試しください。",
        CheckingConnection: "{0}への接続を確認しています…",
        CheckingConnectionNoProxy: "{0}への接続を（プロキシを使わずに）確認しています…",
        CheckingProxy: "プロキシの設定を確認しています…",
        CheckingRegistry: "設定（レジストリ）の値を確認しています…",
        CheckingProduct: "{0} のバージョンを確認しています…",
        CheckingClock: "パソコンの時計が合っているか確認しています…",
        CheckingOs: "Windows などのバージョンを確認しています…",
        CheckingOther: "確認しています…",
        DoneConnected: "確認が終わりました：つながりました",
        DoneNotConnected: "確認が終わりました：つながりませんでした",
        DoneOk: "確認が終わりました：問題は見つかりませんでした",
        DoneFound: "確認が終わりました：気になる点が見つかりました（チャットでご案内します）",
        DoneRefused: "この確認は許可されていない内容なので、行いませんでした",
        DoneTimeout: "確認が時間内に終わりませんでした",
        DoneFailed: "この確認はできませんでした");

    /// <summary>English.</summary>
    public static AgentMessages English { get; } = new(
        Connecting: "Connecting to the support bot…",
        Connected: "Connected to the support bot. Go back to the chat (keep this window open).",
        PairRejected: "Could not connect: the code is wrong or has expired. Show a new code in the chat and try again.",
        Waiting: "Waiting for the support bot to ask for a check… (press Ctrl+C to stop)",
        Sent: "Sent the result to the support bot.",
        Ended: "The chat has ended, so this program is closing. Thank you.",
        Idle: "No checks were asked for a while, so this program is closing.",
        Cancelled: "Stopped.",
        Unreachable: "Cannot reach the support bot. Trying again shortly…",
        GaveUp: "Could not reach the support bot. Check the internet connection and try again.",
        TokenRejected: "The connection has expired. Show a new code in the chat and try again.",
        CheckingConnection: "Checking the connection to {0}…",
        CheckingConnectionNoProxy: "Checking the connection to {0} (without the proxy)…",
        CheckingProxy: "Checking the proxy settings…",
        CheckingRegistry: "Checking a setting (registry value)…",
        CheckingProduct: "Checking the version of {0}…",
        CheckingClock: "Checking that this PC's clock is right…",
        CheckingOs: "Checking the Windows (operating system) version…",
        CheckingOther: "Checking…",
        DoneConnected: "Check finished: connected",
        DoneNotConnected: "Check finished: could not connect",
        DoneOk: "Check finished: no problem found",
        DoneFound: "Check finished: found something to look at (the chat will explain)",
        DoneRefused: "This check is not allowed on this PC, so it was not done",
        DoneTimeout: "The check did not finish in time",
        DoneFailed: "This check could not be done");

    /// <summary>English when <paramref name="language"/> (or else the UI culture) is English; Japanese otherwise.</summary>
    public static AgentMessages For(string? language, CultureInfo uiCulture) =>
        (language ?? uiCulture.TwoLetterISOLanguageName).StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Japanese;

    /// <summary>The "finished" line for a result.</summary>
    public string Finished(CheckResult result) => result.Status switch
    {
        CheckStatus.Pass when IsConnection(result.Kind) => DoneConnected,
        CheckStatus.Fail when IsConnection(result.Kind) => DoneNotConnected,
        CheckStatus.Pass => DoneOk,
        CheckStatus.Fail => DoneFound,
        CheckStatus.Refused => DoneRefused,
        CheckStatus.Timeout => DoneTimeout,
        _ => DoneFailed,
    };

    private static bool IsConnection(string kind) => kind is CheckKinds.HttpProbe;
}
