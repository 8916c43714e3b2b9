namespace SupportBot.Agent.Registry;

/// <summary>The narrow, read-only view of the registry the checks use. Paths are full key paths.</summary>
public interface IRegistryReader
{
    /// <summary>One value, or null when the key or the value is missing. Empty name = default value.</summary>
    RegistryValue? ReadValue(string keyPath, string valueName);

    /// <summary>Names of the direct subkeys (empty when the key is missing).</summary>
    IReadOnlyList<string> GetSubKeyNames(string keyPath);

    /// <summary>Whether the key exists.</summary>
    bool KeyExists(string keyPath);
}

/// <summary>Registry value types this agent understands.</summary>
public enum RegistryValueType
{
    /// <summary>REG_SZ.</summary>
    String,
    /// <summary>REG_EXPAND_SZ (kept unexpanded).</summary>
    ExpandString,
    /// <summary>REG_MULTI_SZ (lines joined with newlines).</summary>
    MultiString,
    /// <summary>REG_DWORD.</summary>
    DWord,
    /// <summary>REG_QWORD.</summary>
    QWord,
    /// <summary>REG_BINARY or anything else (hex text).</summary>
    Binary,
}

/// <summary>A registry value: text for string kinds and binary (hex), a number for DWORD/QWORD.</summary>
/// <param name="Type">The value type.</param>
/// <param name="Text">Text form (strings, joined multi-strings, hex for binary; decimal for numbers).</param>
/// <param name="Number">The number for DWORD/QWORD.</param>
public sealed record RegistryValue(RegistryValueType Type, string Text, long? Number = null)
{
    /// <summary>A REG_SZ value.</summary>
    public static RegistryValue FromString(string text) => new(RegistryValueType.String, text);

    /// <summary>A REG_DWORD or REG_QWORD value.</summary>
    public static RegistryValue FromNumber(RegistryValueType type, long number) =>
        new(type, number.ToString(System.Globalization.CultureInfo.InvariantCulture), number);
}

/// <summary>A registry with nothing in it: used on non-Windows machines without a configured .reg export.</summary>
public sealed class EmptyRegistryReader : IRegistryReader
{
    /// <inheritdoc />
    public RegistryValue? ReadValue(string keyPath, string valueName) => null;

    /// <inheritdoc />
    public IReadOnlyList<string> GetSubKeyNames(string keyPath) => [];

    /// <inheritdoc />
    public bool KeyExists(string keyPath) => false;
}
