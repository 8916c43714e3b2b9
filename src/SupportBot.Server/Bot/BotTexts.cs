namespace SupportBot.Server.Bot;

/// <summary>What the bot says, in polite Japanese (default) or English (locale <c>en*</c>).</summary>
public sealed record BotTexts(
    string Greeting,
    string PassageLicenseChoice,
    string LicenseKeyChoice,
    string HumanChoice,
    string GuideComing,
    string HandoffComing,
    string NotUnderstood)
{
    /// <summary>Japanese texts.</summary>
    public static BotTexts Japanese { get; } = new(
        Greeting: "こんにちは。SupportBot です。Passage のライセンスに関するお困りごとを、一つずつご案内いたします。"
            + "どのようなことでお困りでしょうか。下のボタンからお選びください。",
        PassageLicenseChoice: "Passage に『ライセンスが確認できません』と表示される",
        LicenseKeyChoice: "ライセンスキーが正しいのに認証できない",
        HumanChoice: "担当者と話したい",
        GuideComing: "「{0}」ですね。ご不便をおかけして申し訳ございません。この症状の手順ガイドは現在準備中です。もうしばらくお待ちください。",
        HandoffComing: "承知いたしました。申し訳ございませんが、担当者へのお引き継ぎ機能は現在準備中です。まもなくご利用いただけるようになります。",
        NotUnderstood: "恐れ入りますが、下のボタンからお困りごとをお選びいただけますか。");

    /// <summary>English texts.</summary>
    public static BotTexts English { get; } = new(
        Greeting: "Hello, I'm SupportBot. I'll guide you step by step through Passage license problems. What can I help you with? Please choose below.",
        PassageLicenseChoice: "Passage says \"License cannot be verified\"",
        LicenseKeyChoice: "My correct license key will not activate",
        HumanChoice: "Talk to a person",
        GuideComing: "\"{0}\" - sorry for the trouble. The step-by-step guide for this problem is being prepared.",
        HandoffComing: "Understood. Sorry, hand-off to our helpdesk is coming soon.",
        NotUnderstood: "Sorry, could you choose your problem with one of the buttons below?");

    /// <summary>The texts for a locale: English for <c>en*</c>, Japanese otherwise.</summary>
    public static BotTexts For(string? locale) =>
        locale is not null && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Japanese;

    /// <summary>The menu choices, in the order shown.</summary>
    public IReadOnlyList<string> Choices => [PassageLicenseChoice, LicenseKeyChoice, HumanChoice];
}
