using YamlDotNet.RepresentationModel;

namespace SupportBot.Flows.Transcripts;

/// <summary>Reads <c>&lt;flow&gt;.tests.yaml</c>: <c>flow</c> and a list of <c>tests</c> (name, locale, steps, outcome).</summary>
public static class TranscriptFile
{
    /// <summary>Parses a test file; throws <see cref="FormatException"/> with the line on malformed input.</summary>
    public static IReadOnlyList<TranscriptTest> Parse(string yaml, string file)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var flow = Scalar(root, "flow") ?? throw Error(root, file, "needs 'flow'");
        var tests = new List<TranscriptTest>();
        foreach (var node in ((YamlSequenceNode)root.Children[new YamlScalarNode("tests")]).Children.Cast<YamlMappingNode>())
        {
            var steps = ((YamlSequenceNode)node.Children[new YamlScalarNode("steps")]).Children.Cast<YamlMappingNode>()
                .Select(s => new TranscriptStep(Scalar(s, "user"), Strings(s, "bot"), Scalar(s, "state"), Agent(s, file), Flag(s, "asked", file)))
                .ToList();
            tests.Add(new TranscriptTest
            {
                Flow = flow,
                Name = Scalar(node, "name") ?? throw Error(node, file, "a test needs 'name'"),
                Locale = Scalar(node, "locale"),
                Helper = Scalar(node, "helper") switch
                {
                    null or "none" => false,
                    "paired" => true,
                    var other => throw Error(node, file, $"'helper: {other}' must be paired or none"),
                },
                Steps = steps,
                Outcome = Scalar(node, "outcome") ?? throw Error(node, file, "a test needs 'outcome'"),
                Line = (int)node.Start.Line,
            });
        }
        return tests;
    }

    private static TranscriptAgentResult? Agent(YamlMappingNode step, string file)
    {
        if (!step.Children.TryGetValue(new YamlScalarNode("agent"), out var node)) return null;
        if (node is not YamlMappingNode map) throw Error(node, file, "'agent' needs outcome or status (and optional facts)");
        var facts = map.Children.TryGetValue(new YamlScalarNode("facts"), out var f) && f is YamlMappingNode factMap
            ? factMap.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value ?? "", p => ((YamlScalarNode)p.Value).Value ?? "")
            : [];
        var result = new TranscriptAgentResult(Scalar(map, "outcome"), Scalar(map, "status"), facts);
        if ((result.Outcome is null) == (result.Status is null)) throw Error(map, file, "'agent' needs exactly one of outcome or status");
        if (Scalar(step, "user") is not null) throw Error(map, file, "a step has either 'user' or 'agent'");
        return result;
    }

    private static bool? Flag(YamlMappingNode map, string key, string file) => Scalar(map, key) switch
    {
        null => null,
        "true" => true,
        "false" => false,
        var other => throw Error(map, file, $"'{key}: {other}' must be true or false"),
    };

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var n) && n is YamlScalarNode s ? s.Value : null;

    private static IReadOnlyList<string> Strings(YamlMappingNode map, string key) =>
        !map.Children.TryGetValue(new YamlScalarNode(key), out var n) ? []
        : n is YamlSequenceNode seq ? [.. seq.Children.OfType<YamlScalarNode>().Select(x => x.Value ?? "")]
        : [((YamlScalarNode)n).Value ?? ""];

    private static FormatException Error(YamlNode node, string file, string message) => new($"{file}:{node.Start.Line}: {message}");
}
