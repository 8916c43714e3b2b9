namespace SupportBot.Agent.Registry;

/// <summary>Normalises registry key paths so allow-list comparisons are exact and hive aliases agree.</summary>
public static class RegistryPath
{
    private static readonly Dictionary<string, string> HiveAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["HKLM"] = "HKEY_LOCAL_MACHINE",
        ["HKEY_LOCAL_MACHINE"] = "HKEY_LOCAL_MACHINE",
        ["HKCU"] = "HKEY_CURRENT_USER",
        ["HKEY_CURRENT_USER"] = "HKEY_CURRENT_USER",
        ["HKCR"] = "HKEY_CLASSES_ROOT",
        ["HKEY_CLASSES_ROOT"] = "HKEY_CLASSES_ROOT",
        ["HKU"] = "HKEY_USERS",
        ["HKEY_USERS"] = "HKEY_USERS",
    };

    /// <summary>Comparer for normalised paths (the registry is case-insensitive).</summary>
    public static StringComparer Comparer => StringComparer.OrdinalIgnoreCase;

    /// <summary>
    /// <c>\HKLM\Software\X\</c> → <c>HKEY_LOCAL_MACHINE\Software\X</c>. Returns null for an unknown hive or empty segments.
    /// </summary>
    public static string? Normalize(string? path)
    {
        if (string.IsNullOrWhiteSpace(path)) return null;
        var segments = path.Trim().Trim('\\').Split('\\');
        if (segments.Any(s => s.Length == 0)) return null;
        if (!HiveAliases.TryGetValue(segments[0], out var hive)) return null;
        segments[0] = hive;
        return string.Join('\\', segments);
    }

    /// <summary>The hive name (first segment) of a normalised path.</summary>
    public static string Hive(string normalized) => normalized.Split('\\', 2)[0];

    /// <summary>The path under the hive (may be empty) of a normalised path.</summary>
    public static string SubPath(string normalized)
    {
        var parts = normalized.Split('\\', 2);
        return parts.Length == 2 ? parts[1] : "";
    }
}
