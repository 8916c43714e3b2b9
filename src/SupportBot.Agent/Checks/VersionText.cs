using System.Globalization;

namespace SupportBot.Agent.Checks;

/// <summary>Reads versions such as "2.5.0", "v2.5", "2.5.0.1234 (build)" and compares them component by component.</summary>
public static class VersionText
{
    /// <summary>The leading dotted number (up to 4 parts), or null. Missing parts count as 0.</summary>
    public static Version? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var s = text.Trim().TrimStart('v', 'V');
        var end = 0;
        while (end < s.Length && (char.IsAsciiDigit(s[end]) || s[end] == '.')) end++;
        var parts = s[..end].Split('.', StringSplitOptions.RemoveEmptyEntries).Take(4)
            .Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1).ToList();
        if (parts.Count == 0 || parts.Any(p => p < 0)) return null;
        while (parts.Count < 4) parts.Add(0);
        return new Version(parts[0], parts[1], parts[2], parts[3]);
    }
}
