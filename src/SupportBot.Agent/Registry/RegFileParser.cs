using System.Globalization;
using System.Text;

namespace SupportBot.Agent.Registry;

/// <summary>
/// Parses a Registry Editor export ("Windows Registry Editor Version 5.00", UTF-16LE with BOM, or UTF-8):
/// <c>[key]</c> sections, <c>"Name"="text"</c>, <c>@=</c> default values, <c>dword:</c>, <c>hex(b):</c>,
/// <c>hex(2):</c> expand strings, <c>hex(7):</c> multi-strings, <c>hex:</c> binary, escaped quotes and backslashes,
/// and hex data continued over lines ending in a backslash. Deletions (<c>[-key]</c>, <c>=-</c>) are ignored.
/// </summary>
public static class RegFileParser
{
    /// <summary>Key path (normalised) → value name ("" for default) → value.</summary>
    public static Dictionary<string, Dictionary<string, RegistryValue>> Parse(byte[] content)
    {
        var keys = new Dictionary<string, Dictionary<string, RegistryValue>>(RegistryPath.Comparer);
        Dictionary<string, RegistryValue>? current = null;
        foreach (var line in LogicalLines(Decode(content)))
        {
            if (line.StartsWith('['))
            {
                current = null;
                var end = line.LastIndexOf(']');
                if (end < 0 || line.StartsWith("[-", StringComparison.Ordinal)) continue;
                var path = RegistryPath.Normalize(line[1..end]);
                if (path is null) continue;
                if (!keys.TryGetValue(path, out current))
                    keys[path] = current = new Dictionary<string, RegistryValue>(StringComparer.OrdinalIgnoreCase);
            }
            else if (current is not null && (line.StartsWith('"') || line.StartsWith('@')))
            {
                if (TryParseValueLine(line, out var name, out var value)) current[name] = value;
            }
        }
        return keys;
    }

    private static string Decode(byte[] bytes)
    {
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        return Encoding.UTF8.GetString(bytes);
    }

    // Joins "hex:01,02,\" continuation lines and drops blank lines and ';' comments.
    private static IEnumerable<string> LogicalLines(string text)
    {
        var pending = new StringBuilder();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (pending.Length > 0) line = line.TrimStart();
            else if (line.Length == 0 || line.StartsWith(';')) continue;
            var continues = line.EndsWith('\\') && IsHexData(pending.Length > 0 ? pending + line : line);
            pending.Append(continues ? line[..^1] : line);
            if (continues) continue;
            yield return pending.ToString();
            pending.Clear();
        }
        if (pending.Length > 0) yield return pending.ToString();
    }

    private static bool IsHexData(string line)
    {
        var eq = line.IndexOf("=hex", StringComparison.OrdinalIgnoreCase);
        return eq > 0 && !line.StartsWith('[');
    }

    private static bool TryParseValueLine(string line, out string name, out RegistryValue value)
    {
        value = RegistryValue.FromString("");
        int pos;
        if (line[0] == '@') { name = ""; pos = 1; }
        else if (!TryReadQuoted(line, 0, out name, out pos)) return false;
        if (pos >= line.Length || line[pos] != '=') return false;
        var data = line[(pos + 1)..].Trim();
        if (data.StartsWith('"'))
        {
            if (!TryReadQuoted(data, 0, out var text, out _)) return false;
            value = RegistryValue.FromString(text);
            return true;
        }
        if (data.StartsWith("dword:", StringComparison.OrdinalIgnoreCase))
        {
            var ok = uint.TryParse(data[6..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var dword);
            value = RegistryValue.FromNumber(RegistryValueType.DWord, dword);
            return ok;
        }
        return data.StartsWith("hex", StringComparison.OrdinalIgnoreCase) && TryParseHex(data, out value);
    }

    // Reads a "quoted" string starting at start; \" and \\ are the only escapes regedit writes.
    private static bool TryReadQuoted(string s, int start, out string text, out int next)
    {
        var sb = new StringBuilder();
        for (var i = start + 1; i < s.Length; i++)
        {
            if (s[i] == '\\' && i + 1 < s.Length) { sb.Append(s[++i]); continue; }
            if (s[i] == '"') { text = sb.ToString(); next = i + 1; return true; }
            sb.Append(s[i]);
        }
        text = ""; next = s.Length;
        return false;
    }

    private static bool TryParseHex(string data, out RegistryValue value)
    {
        value = RegistryValue.FromString("");
        var colon = data.IndexOf(':');
        if (colon < 0) return false;
        var tag = data[..colon].ToLowerInvariant();
        var bytes = data[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(h => byte.Parse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToArray();
        value = tag switch
        {
            "hex(2)" => new RegistryValue(RegistryValueType.ExpandString, Utf16(bytes).TrimEnd('\0')),
            "hex(7)" => new RegistryValue(RegistryValueType.MultiString,
                string.Join('\n', Utf16(bytes).Split('\0', StringSplitOptions.RemoveEmptyEntries))),
            "hex(b)" => RegistryValue.FromNumber(RegistryValueType.QWord, bytes.Length >= 8 ? BitConverter.ToInt64(bytes, 0) : 0),
            "hex(4)" => RegistryValue.FromNumber(RegistryValueType.DWord, bytes.Length >= 4 ? BitConverter.ToUInt32(bytes, 0) : 0),
            _ => new RegistryValue(RegistryValueType.Binary, Convert.ToHexString(bytes)),
        };
        return true;
    }

    private static string Utf16(byte[] bytes) => Encoding.Unicode.GetString(bytes, 0, bytes.Length & ~1);
}
