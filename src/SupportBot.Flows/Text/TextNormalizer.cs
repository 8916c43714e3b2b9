using System.Globalization;
using System.Text;

namespace SupportBot.Flows.Text;

/// <summary>Normalises typed text for matching: NFKC (full-width → half-width), lower case, no spaces or punctuation.</summary>
public static class TextNormalizer
{
    /// <summary>The comparable form of a phrase.</summary>
    public static string ForMatching(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var nfkc = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var kept = new StringBuilder(nfkc.Length);
        foreach (var c in nfkc)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (char.IsWhiteSpace(c) || char.IsPunctuation(c) || category is UnicodeCategory.MathSymbol or UnicodeCategory.ModifierSymbol) continue;
            kept.Append(c);
        }
        return kept.ToString();
    }
}
