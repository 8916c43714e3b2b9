using YamlDotNet.RepresentationModel;

namespace SupportBot.Flows.Loading;

/// <summary>Small typed accessors over YamlDotNet's node model that record errors instead of throwing.</summary>
internal sealed class YamlNodes(string file, List<FlowError> errors)
{
    /// <summary>The state being read, for error messages.</summary>
    public string? StateId { get; set; }

    public void Error(YamlNode? node, string message) =>
        errors.Add(new FlowError(file, StateId, node is null ? 0 : (int)node.Start.Line, message));

    public YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    /// <summary>Reports keys not in <paramref name="allowed"/> (typos would otherwise be silently ignored).</summary>
    public void OnlyKeys(YamlMappingNode map, string where, params string[] allowed)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "?";
            if (!allowed.Contains(name)) Error(key, $"unknown key '{name}' in {where} (allowed: {string.Join(", ", allowed)})");
        }
    }

    public string? Scalar(YamlMappingNode map, string key, string where, bool required = true)
    {
        var node = Child(map, key);
        if (node is null)
        {
            if (required) Error(map, $"{where} needs '{key}'");
            return null;
        }
        if (node is YamlScalarNode { Value: { } v } && v.Length > 0) return v;
        Error(node, $"'{key}' in {where} must be a non-empty text");
        return null;
    }

    public YamlMappingNode? Mapping(YamlNode? node, string what)
    {
        if (node is null) return null;
        if (node is YamlMappingNode map) return map;
        Error(node, $"{what} must be a mapping");
        return null;
    }

    public IEnumerable<YamlNode> Sequence(YamlNode? node, string what)
    {
        if (node is null) return [];
        if (node is YamlSequenceNode seq) return seq.Children;
        Error(node, $"{what} must be a list");
        return [];
    }

    public List<string> Strings(YamlNode? node, string what)
    {
        var list = new List<string>();
        foreach (var item in Sequence(node, what))
        {
            if (item is YamlScalarNode { Value: { Length: > 0 } v }) list.Add(v);
            else Error(item, $"{what} must contain only texts");
        }
        return list;
    }

    public int? Integer(YamlMappingNode map, string key, string where)
    {
        var text = Scalar(map, key, where, required: false);
        if (text is null) return null;
        if (int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n)) return n;
        Error(Child(map, key), $"'{key}' in {where} must be an integer");
        return null;
    }
}
