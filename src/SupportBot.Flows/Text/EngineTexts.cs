using SupportBot.Flows.Model;

namespace SupportBot.Flows.Text;

/// <summary>Fixed texts the engine adds around flow content (the flows hold everything else).</summary>
public static class EngineTexts
{
    /// <summary>Asked after every instruction.</summary>
    public static readonly LocalizedText DidThatFixIt = LocalizedText.Of("解決しましたか？", "Did that fix it?");

    /// <summary>The "fixed" answer added to every step.</summary>
    public static readonly FlowChoiceTemplate Resolved = new(
        "resolved",
        LocalizedText.Of("はい、解決しました", "Yes, it's fixed"),
        new LocalizedList
        {
            Ja = ["はい", "解決した", "解決しました", "直った", "直りました", "消えた", "消えました", "できた", "できました", "OK"],
            En = ["yes", "fixed", "solved", "resolved", "it works", "works now"],
        });

    /// <summary>The "not fixed" answer added to every step.</summary>
    public static readonly FlowChoiceTemplate NotResolved = new(
        "not-resolved",
        LocalizedText.Of("いいえ、まだです", "No, not yet"),
        new LocalizedList
        {
            Ja = ["いいえ", "まだ", "解決しない", "解決しません", "解決していません", "直らない", "直りません", "だめ", "ダメ", "できない", "できません", "変わらない", "変わりません"],
            En = ["no", "not yet", "still", "didn't", "did not", "doesn't", "does not", "not fixed"],
        });

    /// <summary>Said when a typed answer matches no choice.</summary>
    public static readonly LocalizedText PleaseChoose = LocalizedText.Of(
        "すみません、うまく読み取れませんでした。下のボタンから選んでください。",
        "Sorry, I didn't catch that. Please pick one of the buttons below.");

    /// <summary>Said for ヘルプ when the state has no help of its own.</summary>
    public static readonly LocalizedText GenericHelp = LocalizedText.Of(
        "ボタンを押すか、答えを入力してください。「戻る」で一つ前の質問に、「最初から」で最初に戻れます。「担当者と話したい」と入力すると、担当者におつなぎします。",
        "Press a button or type your answer. Type \"back\" for the previous question, \"restart\" to start over, or \"talk to a person\" to reach our support staff.");

    /// <summary>Said when 戻る is used on the first question.</summary>
    public static readonly LocalizedText NothingToGoBackTo = LocalizedText.Of(
        "これが最初の質問です。", "This is the first question.");

    /// <summary>Said after キャンセル.</summary>
    public static readonly LocalizedText Cancelled = LocalizedText.Of(
        "ご案内を中止しました。またいつでも声をおかけください。",
        "I've stopped here. Feel free to ask again any time.");

    /// <summary>Said when the user asks for a person.</summary>
    public static readonly LocalizedText HandingOver = LocalizedText.Of(
        "担当者におつなぎします。ここまでにお答えいただいた内容は、担当者に引き継ぎます。",
        "I'll pass you to a member of our support staff, together with everything you've told me so far.");

    /// <summary>Said after too many answers that could not be understood.</summary>
    public static readonly LocalizedText GaveUp = LocalizedText.Of(
        "うまくお答えを読み取れなかったため、担当者におつなぎします。",
        "I couldn't understand the answers, so I'll pass you to a member of our support staff.");

    /// <summary>Said when the PC helper could not answer a question (error, timeout, refused): the question follows.</summary>
    public static readonly LocalizedText HelperCouldNotCheck = LocalizedText.Of(
        "パソコンでは確認できませんでした。お手数ですが、教えてください。",
        "The helper couldn't check this on your PC. Sorry for the trouble, but please tell me.");

    /// <summary>Said before starting again.</summary>
    public static readonly LocalizedText Restarting = LocalizedText.Of("最初からご案内します。", "Let's start again from the beginning.");
}

/// <summary>A choice the loader adds on its own (the answers to "did that fix it?").</summary>
/// <param name="Id">Choice id (trigger).</param>
/// <param name="Label">Button text.</param>
/// <param name="Synonyms">Typed words that mean the same.</param>
public sealed record FlowChoiceTemplate(string Id, LocalizedText Label, LocalizedList Synonyms);
