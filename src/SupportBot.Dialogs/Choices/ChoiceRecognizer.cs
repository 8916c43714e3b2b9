using System.Text.RegularExpressions;

namespace SupportBot.Dialogs.Choices;

/// <summary>
/// Finds the choice a user meant, in this order: exact match of value/synonym/button title, ordinal
/// ("2", "２", "2番", "2つ目", "②"), then the longest value/synonym contained in the text. All comparisons
/// are case- and width-insensitive (<see cref="TextNormalizer"/>). ASCII words must match whole words
/// ("no" is not found in "know"); Japanese text has no word boundaries and matches anywhere.
/// </summary>
public static partial class ChoiceRecognizer
{
    /// <summary>The recognised choice, or null.</summary>
    public static FoundChoice? Recognize(string? text, IReadOnlyList<Choice> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var input = TextNormalizer.Normalize(text);
        if (input.Length == 0 || choices.Count == 0)
        {
            return null;
        }

        for (var i = 0; i < choices.Count; i++)
        {
            foreach (var candidate in Candidates(choices[i]))
            {
                if (TextNormalizer.Normalize(candidate) == input)
                {
                    return Found(choices, i, 1.0, candidate);
                }
            }
        }

        var ordinal = OrdinalPattern().Match(input);
        if (ordinal.Success && int.TryParse(ordinal.Groups[1].Value, out var position) && position >= 1 && position <= choices.Count)
        {
            return Found(choices, position - 1, 1.0, ordinal.Value);
        }

        return FindContained(input, choices);
    }

    private static FoundChoice? FindContained(string input, IReadOnlyList<Choice> choices)
    {
        (int Index, string Synonym, int Length, int Position)? best = null;
        for (var i = 0; i < choices.Count; i++)
        {
            foreach (var candidate in Candidates(choices[i]))
            {
                var normalized = TextNormalizer.Normalize(candidate);
                var position = IndexOfWord(input, normalized);
                if (position < 0)
                {
                    continue;
                }

                if (best is null || normalized.Length > best.Value.Length || (normalized.Length == best.Value.Length && position < best.Value.Position))
                {
                    best = (i, candidate, normalized.Length, position);
                }
            }
        }

        return best is { } b ? Found(choices, b.Index, (double)b.Length / input.Length, b.Synonym) : null;
    }

    private static int IndexOfWord(string input, string word)
    {
        if (word.Length == 0)
        {
            return -1;
        }

        var asciiWord = word.All(char.IsAscii);
        for (var start = input.IndexOf(word, StringComparison.Ordinal); start >= 0; start = input.IndexOf(word, start + 1, StringComparison.Ordinal))
        {
            if (!asciiWord || (IsBoundary(input, start - 1) && IsBoundary(input, start + word.Length)))
            {
                return start;
            }
        }

        return -1;
    }

    private static bool IsBoundary(string text, int index)
        => index < 0 || index >= text.Length || !(char.IsAsciiLetterOrDigit(text[index]));

    private static IEnumerable<string> Candidates(Choice choice)
    {
        yield return choice.Value;
        if (choice.Synonyms is not null)
        {
            foreach (var synonym in choice.Synonyms)
            {
                yield return synonym;
            }
        }

        if (choice.Action?.Title is { } title)
        {
            yield return title;
        }
    }

    private static FoundChoice Found(IReadOnlyList<Choice> choices, int index, double score, string synonym)
        => new() { Value = choices[index].Value, Index = index, Score = score, Synonym = synonym };

    [GeneratedRegex(@"^(?:no\.?\s*)?(\d{1,3})\s*(?:番目|番|つ目|個目|\.|\))?$", RegexOptions.CultureInvariant)]
    private static partial Regex OrdinalPattern();
}
