namespace SupportBot.Agent.Registry;

/// <summary>An <see cref="IRegistryReader"/> backed by a <c>.reg</c> export: used on non-Windows machines and in tests.</summary>
public sealed class RegFileRegistryReader : IRegistryReader
{
    private readonly Dictionary<string, Dictionary<string, RegistryValue>> _keys;

    /// <summary>Reads and parses the export once.</summary>
    public RegFileRegistryReader(string path) : this(File.ReadAllBytes(path)) { }

    /// <summary>Parses export content already in memory.</summary>
    public RegFileRegistryReader(byte[] content) => _keys = RegFileParser.Parse(content);

    /// <inheritdoc />
    public RegistryValue? ReadValue(string keyPath, string valueName)
    {
        var key = RegistryPath.Normalize(keyPath);
        return key is not null && _keys.TryGetValue(key, out var values) && values.TryGetValue(valueName, out var value)
            ? value
            : null;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> GetSubKeyNames(string keyPath)
    {
        var key = RegistryPath.Normalize(keyPath);
        if (key is null) return [];
        var prefix = key + "\\";
        // Parents are implied: "[A\B\C]" alone makes B a subkey of A.
        return [.. _keys.Keys
            .Where(k => k.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(k => k[prefix.Length..].Split('\\')[0])
            .Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <inheritdoc />
    public bool KeyExists(string keyPath)
    {
        var key = RegistryPath.Normalize(keyPath);
        return key is not null && (_keys.ContainsKey(key) || GetSubKeyNames(key).Count > 0);
    }
}
