using SupportBot.Builder;
using SupportBot.Schema;

namespace SupportBot.Server.Bot;

/// <summary>The greeting's three choices: the menu message and recognising a press of one of its buttons.</summary>
public static class RootMenu
{
    /// <summary>Flow id of <see cref="BotTexts.PassageLicenseChoice"/>.</summary>
    public const string PassageLicenseFlow = "passage-license";

    /// <summary>Flow id of <see cref="BotTexts.LicenseKeyChoice"/>.</summary>
    public const string LicenseKeyFlow = "license-key";

    /// <summary>A root message (<c>channelData.supportBot.flow = "root"</c>) with the menu as suggested actions.</summary>
    public static Activity Message(string text, string? locale, SupportBotPlace place)
    {
        var texts = BotTexts.For(locale);
        var message = MessageFactory.SuggestedActions(texts.Choices.Select(c => CardAction.ImBack(c)), text, inputHint: InputHints.ExpectingInput);
        message.Locale = locale;
        return place.ApplyTo(message);
    }

    /// <summary>The flow a menu button starts, or null (free text, or the person button: see <see cref="IsHuman"/>).</summary>
    public static string? FlowFor(string? said)
    {
        var text = said?.Trim() ?? string.Empty;
        foreach (var texts in new[] { BotTexts.Japanese, BotTexts.English })
        {
            if (Same(text, texts.PassageLicenseChoice)) return PassageLicenseFlow;
            if (Same(text, texts.LicenseKeyChoice)) return LicenseKeyFlow;
        }
        return null;
    }

    /// <summary>Whether the text is the 担当者と話したい button.</summary>
    public static bool IsHuman(string? said) =>
        Same(said?.Trim() ?? string.Empty, BotTexts.Japanese.HumanChoice) || Same(said?.Trim() ?? string.Empty, BotTexts.English.HumanChoice);

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
