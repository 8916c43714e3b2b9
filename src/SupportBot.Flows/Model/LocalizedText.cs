namespace SupportBot.Flows.Model;

/// <summary>A text written in Japanese (required, the default) and optionally in English.</summary>
public sealed record LocalizedText
{
    /// <summary>The Japanese text; always present.</summary>
    public required string Ja { get; init; }

    /// <summary>The English text, used for <c>en-*</c> locales when present.</summary>
    public string? En { get; init; }

    /// <summary>Picks the text for a locale: English for <c>en</c>/<c>en-*</c> when written, otherwise Japanese.</summary>
    public string For(string? locale) => Locales.IsEnglish(locale) && En is not null ? En : Ja;

    /// <summary>Creates a text from both languages.</summary>
    public static LocalizedText Of(string ja, string en) => new() { Ja = ja, En = en };
}

/// <summary>Lists of phrases per language (routing examples, choice synonyms).</summary>
public sealed record LocalizedList
{
    /// <summary>An empty list in both languages.</summary>
    public static readonly LocalizedList Empty = new();

    /// <summary>Japanese phrases.</summary>
    public IReadOnlyList<string> Ja { get; init; } = [];

    /// <summary>English phrases.</summary>
    public IReadOnlyList<string> En { get; init; } = [];

    /// <summary>Every phrase in both languages (typed answers are matched in either language).</summary>
    public IEnumerable<string> All => Ja.Concat(En);
}

/// <summary>Locale helpers: Japanese is the default; any <c>en</c> locale selects English.</summary>
public static class Locales
{
    /// <summary>True for <c>en</c> and <c>en-*</c> (case-insensitive).</summary>
    public static bool IsEnglish(string? locale) =>
        locale is not null && (locale.Equals("en", StringComparison.OrdinalIgnoreCase)
            || locale.StartsWith("en-", StringComparison.OrdinalIgnoreCase));
}
