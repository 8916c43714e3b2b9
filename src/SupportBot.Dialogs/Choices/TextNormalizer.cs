using System.Text;

namespace SupportBot.Dialogs.Choices;

/// <summary>Makes user text comparable: NFKC (full-width → half-width digits/letters, half-width kana → full-width), lower case, trimmed.</summary>
public static class TextNormalizer
{
    private static readonly char[] TrimmedChars = [' ', '\t', '\r', '\n', '\u3000', '.', '!', '?', '。', '、', ',', '」', '「'];

    /// <summary>The normalised form of <paramref name="text"/>.</summary>
    public static string Normalize(string? text)
        => string.IsNullOrEmpty(text)
            ? string.Empty
            : text.Normalize(NormalizationForm.FormKC).ToLowerInvariant().Trim(TrimmedChars);
}
