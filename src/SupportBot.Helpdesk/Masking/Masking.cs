using System.Text.RegularExpressions;

namespace SupportBot.Helpdesk.Masking;

/// <summary>
/// Finds licence-key-like tokens, e-mail addresses and phone numbers in free text and masks them.
/// Idempotent: masked output contains no maskable token, so masking twice changes nothing.
/// </summary>
public static partial class Masking
{
    /// <summary>Minimum number of letters/digits for a token to count as a licence key.</summary>
    public const int MinKeyLength = 16;

    /// <summary>How many trailing key characters stay visible (so staff can tell keys apart).</summary>
    public const int VisibleKeyTail = 4;

    /// <summary>Masks every sensitive token in <paramref name="text"/>; null stays null.</summary>
    public static string? Mask(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }
        // E-mail first: its local part could otherwise look like a key.
        var masked = EmailPattern().Replace(text, m => "***@" + m.Groups["domain"].Value);
        masked = PhonePattern().Replace(masked, MaskPhone);
        return KeyCandidatePattern().Replace(masked, MaskKey);
    }

    /// <summary>Masks a licence key regardless of its shape (for values known to be keys).</summary>
    public static string MaskKeyValue(string key)
    {
        var alnum = key.Count(char.IsAsciiLetterOrDigit);
        var keep = alnum >= MinKeyLength ? VisibleKeyTail : 0;
        var seen = 0;
        return string.Create(key.Length, key, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                if (char.IsAsciiLetterOrDigit(c))
                {
                    seen++;
                    span[i] = seen > alnum - keep ? c : '*';
                }
                else
                {
                    span[i] = c;
                }
            }
        });
    }

    /// <summary>Whether <paramref name="token"/> (letters/digits with optional hyphens) looks like a licence key.</summary>
    public static bool LooksLikeKey(string token)
    {
        var alnum = token.Count(char.IsAsciiLetterOrDigit);
        if (alnum < MinKeyLength)
        {
            return false;
        }
        var hasDigit = token.Any(char.IsAsciiDigit);
        var hasLower = token.Any(char.IsAsciiLetterLower);
        var groups = token.Split('-');
        // Keys carry digits, or are upper case, or come in even groups (ABCD-EFGH-...); long plain words do not.
        var evenGroups = groups.Length >= 3 && groups.All(g => g.Length >= 4 && g.Length == groups[0].Length);
        return hasDigit || !hasLower || evenGroups;
    }

    private static string MaskKey(Match match) => LooksLikeKey(match.Value) ? MaskKeyValue(match.Value) : match.Value;

    private static string MaskPhone(Match match)
    {
        var digits = match.Value.Count(char.IsAsciiDigit);
        if (digits is < 10 or > 13)
        {
            return match.Value;
        }
        // Keep the last two digits so staff can confirm a number the user reads out.
        var seen = 0;
        return string.Concat(match.Value.Select(c => char.IsAsciiDigit(c) ? (++seen > digits - 2 ? c : '*') : c));
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@(?<domain>[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+)", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    // Starts with + (international) or 0 (Japanese domestic); separators are hyphens, spaces or brackets.
    [GeneratedRegex(@"(?<![A-Za-z0-9.\-])(?:\+\d{1,3}[\s\-]?\(?\d{1,4}\)?|\(?0\d{0,4}\)?)[\s\-]?\d{1,4}[\s\-]?\d{3,4}(?![A-Za-z0-9.\-])", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"(?<![A-Za-z0-9\-])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*(?![A-Za-z0-9\-])", RegexOptions.CultureInvariant)]
    private static partial Regex KeyCandidatePattern();
}
