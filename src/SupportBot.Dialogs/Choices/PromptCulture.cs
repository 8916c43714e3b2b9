namespace SupportBot.Dialogs.Choices;

/// <summary>Locale-specific words for choice lists and confirm prompts. Japanese is the default; English for <c>en*</c>.</summary>
public sealed record PromptCulture(
    string Locale,
    string InlineSeparator,
    string InlineOr,
    string InlineOrMore,
    Choice Yes,
    Choice No)
{
    /// <summary>Japanese.</summary>
    public static PromptCulture Japanese { get; } = new(
        "ja-JP",
        "、 ",
        " または ",
        "、 または ",
        new Choice("はい", "うん", "ええ", "そうです", "お願いします", "オッケー", "ok", "okay", "yes", "y"),
        new Choice("いいえ", "いえ", "いや", "ううん", "違います", "ちがう", "違う", "だめ", "結構です", "no", "n"));

    /// <summary>English.</summary>
    public static PromptCulture English { get; } = new(
        "en-US",
        ", ",
        " or ",
        ", or ",
        new Choice("Yes", "y", "yeah", "yep", "sure", "ok", "okay", "true", "はい"),
        new Choice("No", "n", "nope", "false", "いいえ"));

    /// <summary>The culture for <paramref name="locale"/> (English for <c>en*</c>, otherwise Japanese).</summary>
    public static PromptCulture For(string? locale)
        => locale is not null && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Japanese;
}
