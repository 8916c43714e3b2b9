using SupportBot.Flows.Model;

namespace SupportBot.Flows.Routing;

/// <summary>What the bot says while finding the right flow.</summary>
internal static class RoutingTexts
{
    public static readonly LocalizedText WhichOne = LocalizedText.Of(
        "ご相談の内容は、次のどちらに近いですか？", "Which of these is closest to your problem?");

    public static readonly LocalizedText NeitherLabel = LocalizedText.Of("どちらでもない", "Neither");

    public static readonly LocalizedText PersonLabel = LocalizedText.Of("担当者と話したい", "Talk to a person");

    public static readonly LocalizedText OutOfScope = LocalizedText.Of(
        "申し訳ありません。このチャットでご案内できるのは、次のお困りごとです。当てはまるものがあれば選んでください。ほかのご相談は、担当者がお受けします。",
        "Sorry, this chat can only guide you through the problems below. Pick one if it fits; for anything else, our support staff can help.");

    public static readonly LocalizedText Intro = LocalizedText.Of(
        "お困りの内容を、ひとことで入力してください。（例：「ライセンスが確認できませんと表示される」）",
        "Please tell me in a few words what the problem is (for example, \"Passage says license could not be verified\").");
}
