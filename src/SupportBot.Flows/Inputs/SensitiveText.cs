using System.Text.RegularExpressions;

namespace SupportBot.Flows.Inputs;

/// <summary>Masks anything in free text that looks like a license key before it is stored.</summary>
public static partial class SensitiveText
{
    /// <summary>Replaces key-like runs (4+ groups of 4+ characters, or 16+ letters and digits mixed) by their masked form.</summary>
    public static string Redact(string text) => KeyLike().Replace(text, m =>
    {
        var (key, _) = LicenseKey.Parse(m.Value);
        // Grouped runs (ABCD-EFGH-...) are keys; an ungrouped run must mix letters and digits to count as one.
        var grouped = m.Value.Contains('-') || m.Value.Contains(' ');
        return key is not null && (grouped || (m.Value.Any(char.IsAsciiDigit) && m.Value.Any(char.IsAsciiLetter))) ? key.Masked : m.Value;
    });

    [GeneratedRegex(@"\b[A-Za-z0-9]{4,8}(?:[- ][A-Za-z0-9]{4,8}){2,}\b|\b[A-Za-z0-9]{16,64}\b")]
    private static partial Regex KeyLike();
}
