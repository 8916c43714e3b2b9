namespace SupportBot.Builder;

/// <summary>The default apology sent when a turn fails: Japanese, English for <c>en*</c> locales.</summary>
public static class TurnErrorMessages
{
    /// <summary>The Japanese apology.</summary>
    public const string Japanese = "申し訳ありません。問題が発生しました。もう一度お試しください。";

    /// <summary>The English apology.</summary>
    public const string English = "Sorry, something went wrong. Please try again.";

    /// <summary>The apology for <paramref name="locale"/>.</summary>
    public static string ForLocale(string? locale)
        => locale is not null && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Japanese;
}
