using SupportBot.Flows.Model;
using SupportBot.Flows.Text;

namespace SupportBot.Flows.Runtime;

/// <summary>
/// Matches typed text to a choice: the id, the label or a synonym in either language, compared after
/// normalisation (width, case, punctuation). Exact matches win; otherwise a phrase contained in the text
/// (or the text in a label) counts when one choice matches with a longer phrase than any other.
/// </summary>
public static class ChoiceMatcher
{
    /// <summary>The exactly matching choice, or null.</summary>
    public static FlowChoice? Exact(IReadOnlyList<FlowChoice> choices, string text)
    {
        var key = TextNormalizer.ForMatching(text);
        return key.Length == 0 ? null : choices.FirstOrDefault(c => Phrases(c).Contains(key));
    }

    /// <summary>The choice picked by its position: 「1」「２」「②」「2番」 select the second button.</summary>
    public static FlowChoice? Ordinal(IReadOnlyList<FlowChoice> choices, string text)
    {
        var key = TextNormalizer.ForMatching(text).TrimEnd('番');
        if (key.Length == 1 && key[0] is >= '①' and <= '⑨') key = ((char)('1' + (key[0] - '①'))).ToString();
        return int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            && n >= 1 && n <= choices.Count ? choices[n - 1] : null;
    }

    /// <summary>The only choice the text partly matches, or null when none or several do.</summary>
    public static FlowChoice? Partial(IReadOnlyList<FlowChoice> choices, string text)
    {
        var key = TextNormalizer.ForMatching(text);
        if (key.Length < 2) return null;
        // Score each choice by its longest phrase found in the text (or containing it); the best must be unique.
        var scored = choices
            .Select(c => (Choice: c, Score: Phrases(c).Where(p => p.Length >= 2 && (key.Contains(p) || (key.Length >= 3 && p.Contains(key))))
                .Select(p => Math.Min(p.Length, key.Length)).DefaultIfEmpty(0).Max()))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .ToList();
        return scored.Count == 1 || (scored.Count > 1 && scored[0].Score > scored[1].Score) ? scored[0].Choice : null;
    }

    private static HashSet<string> Phrases(FlowChoice c) =>
        new[] { c.Id, c.Label.Ja, c.Label.En ?? "" }.Concat(c.Synonyms.All)
            .Select(TextNormalizer.ForMatching).Where(p => p.Length > 0).ToHashSet();
}
