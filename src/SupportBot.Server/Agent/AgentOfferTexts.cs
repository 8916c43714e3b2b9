namespace SupportBot.Server.Agent;

/// <summary>What the helper offer says, in polite plain Japanese (default) or English (locale <c>en*</c>).</summary>
public sealed record AgentOfferTexts(
    string Why,
    string WhatItReads,
    string Question,
    string Use,
    string AnswerMyself,
    string AnswerMyselfNow,
    string NewCode,
    string Download,
    string Command,
    string Waiting,
    string StillWaiting,
    string Expired,
    string Paired,
    string Declined,
    string PleaseChoose)
{
    /// <summary>Japanese texts. Placeholders: {0} download URL; {0} command, {1} minutes; {0} code.</summary>
    public static AgentOfferTexts Japanese { get; } = new(
        Why: "ここからの確認は、パソコンを調べる小さなプログラム（ヘルパー）に任せることもできます。使うと、いくつかの質問に答えなくてすみます。",
        WhatItReads: "ヘルパーがこのパソコンで読むのは、次のことだけです。\n"
            + "・ライセンスサーバーにつながるか（プロキシを使う場合と使わない場合）\n"
            + "・プロキシの設定\n"
            + "・Passage の 2 か所の企業コード（CorpId）が、御社の企業コードと同じか（比べるのはパソコンの中だけで、値そのものは送りません）\n"
            + "・Passage のバージョン\n"
            + "・Windows のバージョン\n"
            + "読むだけで、パソコンの設定は何も変更しません。",
        Question: "ヘルパーを使いますか？",
        Use: "使う",
        AnswerMyself: "使わずに自分で答える",
        AnswerMyselfNow: "自分で答える",
        NewCode: "新しいコードを出す",
        Download: "ありがとうございます。まず、ヘルパーをダウンロードしてください。\n{0}",
        Command: "ダウンロードできたら、次のコマンドを実行してください。このコードは {1} 分間有効です。\n\n{0}",
        Waiting: "ヘルパーがつながるまで、このままお待ちください。ヘルパーを使わない場合は「自分で答える」を押してください。",
        StillWaiting: "まだヘルパーとつながっていません。コード {0} でコマンドを実行してください。",
        Expired: "コード {0} は有効期限が切れました。新しいコードを出しますか？",
        Paired: "ヘルパーとつながりました。ここからはヘルパーが確認します。",
        Declined: "わかりました。ヘルパーは使わずに、このまま質問にお答えください。",
        PleaseChoose: "ヘルパーを使うかどうか、下のボタンから選んでください。");

    /// <summary>English texts.</summary>
    public static AgentOfferTexts English { get; } = new(
        Why: "A small program that checks your PC (the helper) can do the next checks for you, so you can skip some questions.",
        WhatItReads: "On this PC, the helper only reads:\n"
            + "- whether the license server can be reached (with and without the proxy)\n"
            + "- the proxy settings\n"
            + "- whether the two Passage CorpId values match your company code (compared on your PC; the values are never sent)\n"
            + "- the Passage version\n"
            + "- the Windows version\n"
            + "It only reads. It changes nothing on your PC.",
        Question: "Would you like to use the helper?",
        Use: "Use it",
        AnswerMyself: "Answer myself",
        AnswerMyselfNow: "Answer myself",
        NewCode: "New code",
        Download: "Thank you. First, please download the helper.\n{0}",
        Command: "When it is downloaded, run this command. The code works for {1} minutes.\n\n{0}",
        Waiting: "Please wait here until the helper connects. If you'd rather not use it, press \"Answer myself\".",
        StillWaiting: "The helper is not connected yet. Please run the command with the code {0}.",
        Expired: "The code {0} has expired. Shall I make a new code?",
        Paired: "The helper is connected. From here on, the helper will do the checks.",
        Declined: "All right. We'll go on without the helper; please answer the questions.",
        PleaseChoose: "Please choose below whether to use the helper.");

    /// <summary>The texts for a locale: English for <c>en*</c>, Japanese otherwise.</summary>
    public static AgentOfferTexts For(string? locale) =>
        locale is not null && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Japanese;

    /// <summary>Words that mean "yes, use it" (either language).</summary>
    public static IReadOnlyList<string> YesWords { get; } = ["使う", "使います", "はい", "お願いします", "use it", "use", "yes", "ok"];

    /// <summary>Words that mean "no, I'll answer myself" (either language).</summary>
    public static IReadOnlyList<string> NoWords { get; } =
        ["使わずに自分で答える", "自分で答える", "使わない", "使いません", "いいえ", "answer myself", "no", "don't use", "no thanks"];

    /// <summary>Words that ask for a new code (either language).</summary>
    public static IReadOnlyList<string> NewCodeWords { get; } = ["新しいコードを出す", "新しいコード", "new code", "a new code"];
}
