using System.Text;
using SupportBot.StateMachine.Reflection;

namespace SupportBot.StateMachine.Graph;

/// <summary>
/// Renders a <see cref="StateMachineInfo"/> as a Graphviz DOT digraph: states as records listing their entry/exit
/// actions, superstates as clusters, guards as <c>trigger [guard]</c> edge labels, dynamic transitions through a
/// diamond decision node. Ignored triggers and internal transitions are not drawn. Output order is configuration order.
/// </summary>
public static class UmlDotGraph
{
    private const string InitialNode = "__initial";

    /// <summary>Formats the machine as DOT text (lines end with '\n').</summary>
    /// <param name="info">The result of GetInfo().</param>
    /// <returns>The DOT source.</returns>
    public static string Format(StateMachineInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var dot = new StringBuilder();
        dot.Append("digraph {\n");
        dot.Append("compound=true;\n");
        dot.Append("node [shape=Mrecord];\n");
        dot.Append("rankdir=\"LR\";\n");

        foreach (var state in TransitionLabel.TopLevel(info))
        {
            AppendState(dot, state, indent: string.Empty);
        }

        var decisions = 0;
        foreach (var state in info.States)
        {
            var source = Id(TransitionLabel.Name(state));
            foreach (var transition in state.Transitions)
            {
                var label = Quote(TransitionLabel.For(transition));
                switch (transition)
                {
                    case FixedTransitionInfo fixedTransition:
                        dot.Append($"{source} -> {Id(TransitionLabel.Name(fixedTransition.DestinationState))} [label={label}];\n");
                        break;
                    case DynamicTransitionInfo dynamic:
                        var decision = Id($"__decision{++decisions}");
                        dot.Append($"{decision} [shape=diamond, label={Quote(dynamic.DestinationSelector.Description)}];\n");
                        dot.Append($"{source} -> {decision} [label={label}];\n");
                        foreach (var destination in dynamic.PossibleDestinationStates)
                        {
                            dot.Append($"{decision} -> {Id(TransitionLabel.Name(destination))};\n");
                        }

                        break;
                }
            }
        }

        if (info.InitialState is { } initial)
        {
            dot.Append($"{Id(InitialNode)} [label=\"\", shape=point];\n");
            dot.Append($"{Id(InitialNode)} -> {Id(TransitionLabel.Name(initial))};\n");
        }

        dot.Append("}\n");
        return dot.ToString();
    }

    private static void AppendState(StringBuilder dot, StateInfo state, string indent)
    {
        var name = TransitionLabel.Name(state);
        if (state.Substates.Count == 0)
        {
            dot.Append($"{indent}{Id(name)} [label={RecordLabel(state)}];\n");
            return;
        }

        dot.Append($"{indent}subgraph {Id("cluster_" + name)} {{\n");
        dot.Append($"{indent}\tlabel={Quote(name)};\n");
        dot.Append($"{indent}\t{Id(name)} [label={RecordLabel(state)}];\n");
        foreach (var substate in state.Substates)
        {
            AppendState(dot, substate, indent + "\t");
        }

        dot.Append($"{indent}}}\n");
    }

    private static string RecordLabel(StateInfo state)
    {
        var lines = state.EntryActions.Select(a => "entry / " + a.Method.Description)
            .Concat(state.ExitActions.Select(a => "exit / " + a.Description))
            .Select(EscapeRecord)
            .ToList();
        var name = EscapeRecord(TransitionLabel.Name(state));
        return "\"" + (lines.Count == 0 ? name : name + "|" + string.Join("\\n", lines)) + "\"";
    }

    // Inside a record label these characters have meaning; a backslash makes them literal.
    private static string EscapeRecord(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in Escape(text))
        {
            if (c is '{' or '}' or '|' or '<' or '>')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    private static string Id(string name) => Quote(name);

    private static string Quote(string text) => "\"" + Escape(text) + "\"";

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\r", string.Empty, StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);
}
