using SupportBot.Flows.Compilation;
using SupportBot.Flows.Runtime;
using SupportBot.StateMachine.Graph;

namespace SupportBot.Flows.Commands;

/// <summary>
/// The flow authors' command line: <c>flows validate</c> and <c>flows graph &lt;id&gt; --format mermaid|dot</c>.
/// The host forwards its arguments here (with or without the leading <c>flows</c>).
/// </summary>
public static class FlowsCommand
{
    /// <summary>Runs a command; returns the process exit code (0 ok, 1 flow errors, 2 usage).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, string dialogsDirectory)
    {
        var rest = args.SkipWhile(a => a == "flows").ToList();
        switch (rest.FirstOrDefault())
        {
            case "validate":
                return Validate(output, error, dialogsDirectory);
            case "graph" when rest.Count >= 2:
                var format = Option(rest, "--format") ?? "mermaid";
                return Graph(rest[1], format, output, error, dialogsDirectory);
            default:
                error.WriteLine("usage: flows validate | flows graph <flow-id> [--format mermaid|dot]");
                return 2;
        }
    }

    /// <summary>The diagram of a compiled flow, drawn from its state machine's <c>GetInfo()</c>.</summary>
    public static string Diagram(CompiledFlow flow, string format) => format switch
    {
        "dot" => UmlDotGraph.Format(flow.Machine.GetInfo()),
        _ => MermaidGraph.Format(flow.Machine.GetInfo()),
    };

    private static int Validate(TextWriter output, TextWriter error, string directory)
    {
        var catalog = FlowCatalog.Load(directory);
        foreach (var e in catalog.Errors) error.WriteLine(e);
        if (catalog.Errors.Count > 0)
        {
            error.WriteLine($"{catalog.Errors.Count} error(s) in {directory}");
            return 1;
        }
        foreach (var flow in catalog.Flows)
            output.WriteLine($"{flow.Definition.SourceFile}: {flow.Id} v{flow.Version} OK ({flow.Definition.States.Count} states, {flow.Transitions.Count} transitions)");
        return 0;
    }

    private static int Graph(string id, string format, TextWriter output, TextWriter error, string directory)
    {
        if (format is not ("mermaid" or "dot"))
        {
            error.WriteLine($"unknown format '{format}' (mermaid or dot)");
            return 2;
        }
        var catalog = FlowCatalog.Load(directory);
        foreach (var e in catalog.Errors) error.WriteLine(e);
        if (catalog.Errors.Count > 0) return 1;
        if (catalog.Latest(id) is not { } flow)
        {
            error.WriteLine($"no flow '{id}' (flows: {string.Join(", ", catalog.Flows.Select(f => f.Id))})");
            return 1;
        }
        output.Write(Diagram(flow, format));
        return 0;
    }

    private static string? Option(List<string> args, string name)
    {
        var i = args.IndexOf(name);
        if (i >= 0 && i + 1 < args.Count) return args[i + 1];
        return args.FirstOrDefault(a => a.StartsWith(name + "=", StringComparison.Ordinal))?[(name.Length + 1)..];
    }
}
