using YamlDotNet.RepresentationModel;

namespace SupportBot.Server.Tests.Deploy;

/// <summary>Finds the repository's deploy/ folder and loads its YAML as plain dictionaries and lists.</summary>
internal static class DeployFiles
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string DeployDir => Path.Combine(RepositoryRoot, "deploy");

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(DeployDir, relativePath));

    public static IEnumerable<string> AllYamlFiles() =>
        Directory.EnumerateFiles(DeployDir, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(p => p is "node_modules" or "out" or "bin" or "obj"))
            .Order(StringComparer.Ordinal);

    /// <summary>Every document of a YAML file; mappings become <see cref="Map"/>, sequences lists, scalars strings.</summary>
    public static List<object?> LoadDocuments(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(File.ReadAllText(path)))
        {
            stream.Load(reader);
        }
        return stream.Documents.Select(d => Convert(d.RootNode)).ToList();
    }

    /// <summary>The single document of a file under deploy/.</summary>
    public static Map LoadMap(string relativePath) =>
        Assert.IsType<Map>(Assert.Single(LoadDocuments(Path.Combine(DeployDir, relativePath))));

    private static object? Convert(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value,
        YamlSequenceNode sequence => sequence.Children.Select(Convert).ToList(),
        YamlMappingNode mapping => ConvertMap(mapping),
        _ => throw new InvalidOperationException($"Unexpected YAML node {node.NodeType}"),
    };

    private static Map ConvertMap(YamlMappingNode mapping)
    {
        var map = new Map();
        foreach (var (key, value) in mapping.Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            if (name == "<<")
            {
                // Merge key (compose's x- anchors): explicit keys win over merged ones.
                foreach (var (k, v) in (Map)Convert(value)!)
                {
                    map.TryAdd(k, v);
                }
                continue;
            }
            map[name] = Convert(value);
        }
        return map;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SupportBot.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("SupportBot.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A YAML mapping with typed accessors for the tests.</summary>
internal sealed class Map : Dictionary<string, object?>
{
    public Map()
        : base(StringComparer.Ordinal)
    {
    }

    public Map M(string key) => Assert.IsType<Map>(this.GetValueOrDefault(key), exactMatch: true);

    public List<object?> L(string key) => Assert.IsType<List<object?>>(this.GetValueOrDefault(key));

    public string S(string key) => Assert.IsType<string>(this.GetValueOrDefault(key));

    /// <summary>Follows a dotted path of mapping keys, e.g. <c>spec.template.spec</c>.</summary>
    public Map Path(string dotted) => dotted.Split('.').Aggregate(this, (m, k) => m.M(k));
}
