using System.Security.Cryptography;
using System.Text;

namespace SupportBot.Flows.Inputs;

/// <summary>
/// A license key as the user typed it, normalised the way the FAQ asks (no spaces, no hyphens,
/// letter case kept). Only <see cref="Masked"/> and <see cref="Hash"/> ever leave this type:
/// the key itself is never stored or logged.
/// </summary>
public sealed class LicenseKey
{
    private const int MinLength = 8;
    private const int MaxLength = 64;
    private static readonly string Separators = " \t\u3000-‐‑‒–—―−ー－";

    private LicenseKey(string normalized, bool hadSeparators)
    {
        Masked = Mask(normalized);
        Hash = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)))[..16];
        Length = normalized.Length;
        HadSeparators = hadSeparators;
        LookAlikes = [.. normalized.Select((c, i) => (c, i)).Where(x => LookAlikeNames.ContainsKey(x.c)).Select(x => new LookAlike(x.i + 1, x.c))];
    }

    /// <summary>Look-alike characters the FAQ warns about: 0/O and 1/l/I.</summary>
    public static IReadOnlyDictionary<char, (string Ja, string En)> LookAlikeNames { get; } = new Dictionary<char, (string, string)>
    {
        ['0'] = ("数字のゼロ", "digit zero"),
        ['O'] = ("英字の大文字オー", "capital letter O"),
        ['1'] = ("数字のイチ", "digit one"),
        ['l'] = ("英字の小文字エル", "small letter l"),
        ['I'] = ("英字の大文字アイ", "capital letter I"),
    };

    /// <summary>The key with the middle hidden, e.g. <c>ABCD-****-****-WXYZ</c>.</summary>
    public string Masked { get; }

    /// <summary>A short SHA-256 of the normalised key, so support can match it without seeing it.</summary>
    public string Hash { get; }

    /// <summary>Number of characters after normalisation.</summary>
    public int Length { get; }

    /// <summary>True when spaces or hyphens were removed.</summary>
    public bool HadSeparators { get; }

    /// <summary>Positions (1-based) of characters that are easy to confuse.</summary>
    public IReadOnlyList<LookAlike> LookAlikes { get; }

    /// <summary>Normalises and checks a typed key; returns null with a reason when it cannot be a key.</summary>
    public static (LicenseKey? Key, LicenseKeyProblem Problem) Parse(string? typed)
    {
        var text = (typed ?? "").Normalize(NormalizationForm.FormKC).Trim();
        var kept = new StringBuilder();
        foreach (var c in text)
        {
            if (!Separators.Contains(c)) kept.Append(c);
        }
        var key = kept.ToString();
        if (key.Length == 0) return (null, LicenseKeyProblem.Empty);
        if (!key.All(char.IsAsciiLetterOrDigit)) return (null, LicenseKeyProblem.InvalidCharacters);
        if (key.Length is < MinLength or > MaxLength) return (null, LicenseKeyProblem.WrongLength);
        return (new LicenseKey(key, kept.Length != text.Length), LicenseKeyProblem.None);
    }

    /// <summary>Masks a normalised key: first and last groups of four visible, the rest as <c>*</c>.</summary>
    public static string Mask(string normalized)
    {
        var groups = normalized.Chunk(4).Select(g => new string(g)).ToList();
        if (groups.Count < 3) return new string('*', Math.Max(0, normalized.Length - 2)) + normalized[^2..];
        return string.Join('-', groups.Select((g, i) => i == 0 || i == groups.Count - 1 ? g : new string('*', g.Length)));
    }

    /// <summary>Returns the masked form; never the key.</summary>
    public override string ToString() => Masked;
}

/// <summary>A confusable character in a key.</summary>
/// <param name="Position">1-based position in the normalised key.</param>
/// <param name="Character">The character (0, O, 1, l or I).</param>
public sealed record LookAlike(int Position, char Character);

/// <summary>Why a typed text is not a license key.</summary>
public enum LicenseKeyProblem
{
    /// <summary>It is a plausible key.</summary>
    None,

    /// <summary>Nothing was typed.</summary>
    Empty,

    /// <summary>Something other than letters, digits, spaces or hyphens.</summary>
    InvalidCharacters,

    /// <summary>Too short or too long to be a key.</summary>
    WrongLength,
}
