using System.Text;
using System.Text.RegularExpressions;
using SupportBot.Flows.Model;

namespace SupportBot.Flows.Inputs;

/// <summary>What a typed answer turned into.</summary>
/// <param name="Value">The value stored in the slot (masked for license keys), or null when invalid.</param>
/// <param name="Key">For license keys: the parsed key (only its masked form and hash are kept).</param>
public sealed record InputValue(string? Value, LicenseKey? Key = null)
{
    /// <summary>True when the answer was accepted.</summary>
    public bool IsValid => Value is not null;
}

/// <summary>Validates and normalises typed answers for each <see cref="InputKind"/>.</summary>
public static partial class InputParser
{
    private const int MaxTextLength = 1000;

    /// <summary>Parses <paramref name="text"/> as the input expects.</summary>
    public static InputValue Parse(FlowInput input, string text) => input.Kind switch
    {
        InputKind.Number => new(ParseNumber(text, input.Min, input.Max)?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        InputKind.Version => new(SoftwareVersion.TryParse(text)?.ToString()),
        InputKind.CompanyCode => new(ParseCompanyCode(text)),
        InputKind.LicenseKey => LicenseKey.Parse(text) is ({ } key, _) ? new(key.Masked, key) : new(null),
        _ => new(ParseText(text)),
    };

    /// <summary>「12日」「１２」「残り12日」 → 12: exactly one run of digits, within the range.</summary>
    public static int? ParseNumber(string text, int? min = null, int? max = null)
    {
        var runs = Digits().Matches(text.Normalize(NormalizationForm.FormKC));
        if (runs.Count != 1 || runs[0].Length > 6) return null;
        var value = int.Parse(runs[0].Value, System.Globalization.CultureInfo.InvariantCulture);
        return value < (min ?? int.MinValue) || value > (max ?? int.MaxValue) ? null : value;
    }

    /// <summary>A company code: letters and digits only, surrounding spaces removed.</summary>
    public static string? ParseCompanyCode(string text)
    {
        var code = text.Normalize(NormalizationForm.FormKC).Trim();
        return code.Length is > 0 and <= 32 && code.All(char.IsAsciiLetterOrDigit) ? code : null;
    }

    private static string? ParseText(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0) return null;
        if (trimmed.Length > MaxTextLength) trimmed = trimmed[..MaxTextLength];
        return SensitiveText.Redact(trimmed);
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
