namespace SupportBot.Server.Bot;

/// <summary>What the bot itself says (the flows bring their own texts), in polite Japanese (default) or English (locale <c>en*</c>).</summary>
public sealed record BotTexts(
    string Greeting,
    string PassageLicenseChoice,
    string LicenseKeyChoice,
    string HumanChoice,
    string RestartOffer)
{
    /// <summary>Japanese texts.</summary>
    public static BotTexts Japanese { get; } = new(
        Greeting: "こんにちは。SupportBot です。Passage のライセンスに関するお困りごとを、一つずつご案内いたします。"
            + "どのようなことでお困りでしょうか。下のボタンからお選びください。",
        PassageLicenseChoice: "Passage に『ライセンスが確認できません』と表示される",
        LicenseKeyChoice: "ライセンスキーが正しいのに認証できない",
        HumanChoice: "担当者と話したい",
        RestartOffer: "ほかにもお困りのことがあれば、下のボタンからお選びいただくか、ひとことで入力してください。");

    /// <summary>English texts.</summary>
    public static BotTexts English { get; } = new(
        Greeting: "Hello, I'm SupportBot. I'll guide you step by step through Passage license problems. What can I help you with? Please choose below.",
        PassageLicenseChoice: "Passage says \"License cannot be verified\"",
        LicenseKeyChoice: "My correct license key will not activate",
        HumanChoice: "Talk to a person",
        RestartOffer: "If there is anything else, choose below or describe it in a few words.");

    /// <summary>The texts for a locale: English for <c>en*</c>, Japanese otherwise.</summary>
    public static BotTexts For(string? locale) =>
        locale is not null && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Japanese;

    /// <summary>The menu choices, in the order shown.</summary>
    public IReadOnlyList<string> Choices => [PassageLicenseChoice, LicenseKeyChoice, HumanChoice];
}
