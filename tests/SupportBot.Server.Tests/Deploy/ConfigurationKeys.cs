using System.Text.Json;
using System.Text.RegularExpressions;

namespace SupportBot.Server.Tests.Deploy;

/// <summary>
/// Decides whether an environment variable set by deploy/ maps to a configuration key the host
/// really reads, by looking the key up in the source: options classes (section-name constants and
/// properties), connection-string names, and src/SupportBot.Server/appsettings.json. Literal names
/// are scanned on purpose, so renaming a key in the code fails the deploy tests.
/// </summary>
internal sealed partial class ConfigurationKeys
{
    // Read by the runtime itself, not by our configuration.
    private static readonly string[] FrameworkVariables = ["ASPNETCORE_URLS", "ASPNETCORE_ENVIRONMENT", "ASPNETCORE_HTTP_PORTS", "TMPDIR"];

    private readonly List<string> _sources;
    private readonly JsonElement _appSettings;

    public ConfigurationKeys(string repositoryRoot)
    {
        var src = Path.Combine(repositoryRoot, "src");
        _sources = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj"))
            .Select(File.ReadAllText)
            .ToList();
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(src, "SupportBot.Server", "appsettings.json")));
        _appSettings = json.RootElement.Clone();
    }

    /// <summary><c>A__B__C</c> → <c>A:B:C</c>.</summary>
    public static string ToKey(string environmentVariable) => environmentVariable.Replace("__", ":", StringComparison.Ordinal);

    /// <summary>Null when the variable maps to a key the host reads; otherwise why not.</summary>
    public string? Problem(string environmentVariable)
    {
        if (FrameworkVariables.Contains(environmentVariable) || environmentVariable.StartsWith("DOTNET_", StringComparison.Ordinal))
        {
            return null;
        }
        var segments = ToKey(environmentVariable).Split(':');
        if (segments[0] == "ConnectionStrings")
        {
            return segments.Length == 2 && IsConnectionStringName(segments[1])
                ? null
                : $"{environmentVariable}: no GetConnectionString(\"{string.Join(':', segments.Skip(1))}\") in src";
        }
        if (InAppSettings(segments))
        {
            return null;
        }
        if (segments.Length == 1)
        {
            return _sources.Any(s => DeclaresProperty(s, segments[0])) ? null : $"{environmentVariable}: no options property {segments[0]} in src";
        }
        // Section "A" (or "A:B") declared as a constant in a file that declares the next segment as a property.
        for (var split = 1; split < segments.Length; split++)
        {
            var section = string.Join(':', segments.Take(split));
            var property = segments[split];
            if (_sources.Any(s => s.Contains($"= \"{section}\";", StringComparison.Ordinal) && DeclaresProperty(s, property)))
            {
                return null;
            }
        }
        return $"{environmentVariable}: no options class with section \"{string.Join(':', segments[..^1])}\" and property {segments[^1]} in src, nor in appsettings.json";
    }

    private bool IsConnectionStringName(string name) =>
        _sources.Any(s => s.Contains($"GetConnectionString(\"{name}\")", StringComparison.Ordinal)
            || s.Contains($"ConnectionStringName = \"{name}\";", StringComparison.Ordinal));

    private static bool DeclaresProperty(string source, string name) =>
        PropertyPattern().Matches(source).Any(m => m.Groups["name"].Value == name);

    private bool InAppSettings(string[] segments)
    {
        var element = _appSettings;
        foreach (var segment in segments)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                return false;
            }
            var match = element.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, segment, StringComparison.OrdinalIgnoreCase));
            if (match.Value.ValueKind == JsonValueKind.Undefined)
            {
                return false;
            }
            element = match.Value;
        }
        return true;
    }

    [GeneratedRegex(@"public\s+[\w<>\[\]?,. ]+\s+(?<name>\w+)\s*\{\s*get;\s*(set|init);")]
    private static partial Regex PropertyPattern();
}
