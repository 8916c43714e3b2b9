using System.Runtime.Versioning;
using Microsoft.Win32;

namespace SupportBot.Agent.Registry;

/// <summary>Reads the live Windows registry. Every key is opened read-only; nothing is ever written.</summary>
[SupportedOSPlatform("windows")]
public sealed class WindowsRegistryReader : IRegistryReader
{
    /// <inheritdoc />
    public RegistryValue? ReadValue(string keyPath, string valueName)
    {
        using var key = Open(keyPath);
        if (key is null) return null;
        var raw = key.GetValue(valueName, null, RegistryValueOptions.DoNotExpandEnvironmentNames);
        if (raw is null) return null;
        return key.GetValueKind(valueName) switch
        {
            RegistryValueKind.String => RegistryValue.FromString((string)raw),
            RegistryValueKind.ExpandString => new RegistryValue(RegistryValueType.ExpandString, (string)raw),
            RegistryValueKind.MultiString => new RegistryValue(RegistryValueType.MultiString, string.Join('\n', (string[])raw)),
            RegistryValueKind.DWord => RegistryValue.FromNumber(RegistryValueType.DWord, unchecked((uint)(int)raw)),
            RegistryValueKind.QWord => RegistryValue.FromNumber(RegistryValueType.QWord, (long)raw),
            _ => new RegistryValue(RegistryValueType.Binary, raw is byte[] bytes ? Convert.ToHexString(bytes) : raw.ToString() ?? ""),
        };
    }

    /// <inheritdoc />
    public IReadOnlyList<string> GetSubKeyNames(string keyPath)
    {
        using var key = Open(keyPath);
        return key?.GetSubKeyNames() ?? [];
    }

    /// <inheritdoc />
    public bool KeyExists(string keyPath)
    {
        using var key = Open(keyPath);
        return key is not null;
    }

    private static RegistryKey? Open(string keyPath)
    {
        var normalized = RegistryPath.Normalize(keyPath);
        if (normalized is null) return null;
        var hive = RegistryPath.Hive(normalized) switch
        {
            "HKEY_LOCAL_MACHINE" => RegistryHive.LocalMachine,
            "HKEY_CURRENT_USER" => RegistryHive.CurrentUser,
            "HKEY_CLASSES_ROOT" => RegistryHive.ClassesRoot,
            _ => RegistryHive.Users,
        };
        // The 64-bit view on 64-bit Windows, even from a 32-bit build: paths then mean what regedit shows,
        // and WOW6432Node paths are spelled out by callers (as the product-version check does).
        var view = Environment.Is64BitOperatingSystem ? RegistryView.Registry64 : RegistryView.Default;
        using var root = RegistryKey.OpenBaseKey(hive, view);
        var sub = RegistryPath.SubPath(normalized);
        return sub.Length == 0 ? root.OpenSubKey("", writable: false) : root.OpenSubKey(sub, writable: false);
    }
}
