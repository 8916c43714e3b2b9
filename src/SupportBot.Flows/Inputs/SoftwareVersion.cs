using System.Text;
using System.Text.RegularExpressions;

namespace SupportBot.Flows.Inputs;

/// <summary>A product version such as <c>2.5.0</c>; missing parts count as zero (2.5 == 2.5.0).</summary>
public sealed partial record SoftwareVersion(int Major, int Minor, int Patch) : IComparable<SoftwareVersion>
{
    /// <summary>Parses what users type: <c>2.5.0</c>, <c>v2.6</c>, <c>2.5</c>, <c>Ver.2.5</c>, full-width <c>２．５</c>.</summary>
    public static SoftwareVersion? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var plain = text.Normalize(NormalizationForm.FormKC).Trim();
        var match = VersionPattern().Match(plain);
        if (!match.Success) return null;
        static int Part(Group g) => g.Success ? int.Parse(g.Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        return new SoftwareVersion(Part(match.Groups["major"]), Part(match.Groups["minor"]), Part(match.Groups["patch"]));
    }

    /// <inheritdoc />
    public int CompareTo(SoftwareVersion? other) =>
        other is null ? 1
        : Major != other.Major ? Major.CompareTo(other.Major)
        : Minor != other.Minor ? Minor.CompareTo(other.Minor)
        : Patch.CompareTo(other.Patch);

    /// <summary>Canonical form, e.g. <c>2.5.0</c>.</summary>
    public override string ToString() => $"{Major}.{Minor}.{Patch}";

    // An optional "v"/"ver"/"version"/「バージョン」 prefix, then 1 to 3 dotted numbers and nothing else.
    [GeneratedRegex(@"^(?:v|ver\.?|version|バージョン)?\s*(?<major>\d{1,4})(?:\.(?<minor>\d{1,4}))?(?:\.(?<patch>\d{1,6}))?(?:\.x)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
