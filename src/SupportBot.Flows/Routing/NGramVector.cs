using System.Text;
using System.Text.RegularExpressions;
using SupportBot.Flows.Text;

namespace SupportBot.Flows.Routing;

/// <summary>
/// A sparse bag of character bi-grams and tri-grams (NFKC, lower case, no spaces or punctuation),
/// plus whole words for Latin-script text, so Japanese needs no word splitter and English still matches by word.
/// </summary>
internal static partial class NGramVector
{
    public static Dictionary<string, double> Features(string text)
    {
        var features = new Dictionary<string, double>(StringComparer.Ordinal);
        var plain = TextNormalizer.ForMatching(text);
        for (var n = 2; n <= 3; n++)
        {
            for (var i = 0; i + n <= plain.Length; i++) Add(features, plain.Substring(i, n), IsKanaOnly(plain.AsSpan(i, n)) ? 0.3 : 1);
        }
        if (plain.Length == 1) Add(features, plain);
        foreach (Match word in LatinWord().Matches(text.Normalize(NormalizationForm.FormKC).ToLowerInvariant())) Add(features, "w:" + word.Value);
        return features;
    }

    /// <summary>Cosine similarity of two weighted vectors.</summary>
    public static double Cosine(IReadOnlyDictionary<string, double> a, IReadOnlyDictionary<string, double> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var dot = small.Sum(p => large.TryGetValue(p.Key, out var w) ? p.Value * w : 0);
        return dot == 0 ? 0 : dot / (Norm(a) * Norm(b));
    }

    private static double Norm(IReadOnlyDictionary<string, double> v) => Math.Sqrt(v.Values.Sum(x => x * x));

    private static void Add(Dictionary<string, double> features, string key, double weight = 1) =>
        features[key] = features.GetValueOrDefault(key) + weight;

    // Hiragana-only n-grams are mostly grammar (「ない」「ません」「ている」); they say little about the problem.
    private static bool IsKanaOnly(ReadOnlySpan<char> gram)
    {
        foreach (var c in gram) if (c is < 'ぁ' or > 'ゟ') return false;
        return true;
    }

    [GeneratedRegex(@"[a-z][a-z']{2,}")]
    private static partial Regex LatinWord();
}
