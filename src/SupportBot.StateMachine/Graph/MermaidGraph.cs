using System.Text;
using System.Text.RegularExpressions;
using SupportBot.StateMachine.Reflection;

namespace SupportBot.StateMachine.Graph;

/// <summary>
/// Renders a <see cref="StateMachineInfo"/> as a Mermaid <c>stateDiagram-v2</c>: <c>[*] --&gt; Initial</c>,
/// <c>state Super { ... }</c> for hierarchy, guards as <c>trigger [guard]</c> labels and dynamic transitions through a
/// <c>&lt;&lt;choice&gt;&gt;</c> node. Names that are not plain identifiers (spaces, quotes, Japanese, ...) get an alias
/// declared as <c>state "name" as sN</c>. Ignored triggers and internal transitions are not drawn.
/// </summary>
public static partial class MermaidGraph
{
    private const string Indent = "    ";

    /// <summary>Formats the machine as Mermaid text (lines end with '\n').</summary>
    /// <param name="info">The result of GetInfo().</param>
    /// <param name="direction">Optional layout direction; omitted from the output when null.</param>
    /// <returns>The Mermaid source.</returns>
    public static string Format(StateMachineInfo info, MermaidGraphDirection? direction = null)
    {
        ArgumentNullException.ThrowIfNull(info);
        var ids = AssignIds(info);
        var text = new StringBuilder("stateDiagram-v2\n");
        if (direction is { } d)
        {
            text.Append(Indent).Append("direction ").Append(DirectionCode(d)).Append('\n');
        }

        foreach (var state in info.States)
        {
            var name = TransitionLabel.Name(state);
            if (ids[state] != name)
            {
                text.Append($"{Indent}state \"{EscapeText(name)}\" as {ids[state]}\n");
            }
        }

        foreach (var state in TransitionLabel.TopLevel(info))
        {
            AppendState(text, state, ids, Indent);
        }

        if (info.InitialState is { } initial)
        {
            text.Append($"{Indent}[*] --> {ids[initial]}\n");
        }

        var decisions = 0;
        foreach (var state in info.States)
        {
            foreach (var transition in state.Transitions)
            {
                var label = EscapeText(TransitionLabel.For(transition));
                switch (transition)
                {
                    case FixedTransitionInfo fixedTransition:
                        text.Append($"{Indent}{ids[state]} --> {ids[fixedTransition.DestinationState]} : {label}\n");
                        break;
                    case DynamicTransitionInfo dynamic:
                        var decision = "decision" + ++decisions;
                        while (ids.ContainsValue(decision))
                        {
                            decision = "_" + decision;
                        }

                        text.Append($"{Indent}state {decision} <<choice>>\n");
                        text.Append($"{Indent}{ids[state]} --> {decision} : {label}\n");
                        foreach (var destination in dynamic.PossibleDestinationStates)
                        {
                            text.Append($"{Indent}{decision} --> {ids[destination]} : {EscapeText(dynamic.DestinationSelector.Description)}\n");
                        }

                        break;
                }
            }
        }

        return text.ToString();
    }

    private static void AppendState(StringBuilder text, StateInfo state, Dictionary<StateInfo, string> ids, string indent)
    {
        if (state.Substates.Count == 0)
        {
            text.Append(indent).Append(ids[state]).Append('\n');
            return;
        }

        text.Append($"{indent}state {ids[state]} {{\n");
        if (state.InitialTransitionTarget is { } target)
        {
            text.Append($"{indent}{Indent}[*] --> {ids[target]}\n");
        }

        foreach (var substate in state.Substates)
        {
            AppendState(text, substate, ids, indent + Indent);
        }

        text.Append(indent).Append("}\n");
    }

    /// <summary>Plain identifiers are used as they are; anything else gets a unique alias sN.</summary>
    private static Dictionary<StateInfo, string> AssignIds(StateMachineInfo info)
    {
        var plain = info.States.Select(TransitionLabel.Name).Where(n => PlainIdentifier().IsMatch(n)).ToHashSet(StringComparer.Ordinal);
        var ids = new Dictionary<StateInfo, string>();
        var next = 0;
        foreach (var state in info.States)
        {
            var name = TransitionLabel.Name(state);
            if (PlainIdentifier().IsMatch(name))
            {
                ids[state] = name;
                continue;
            }

            string alias;
            do
            {
                alias = "s" + ++next;
            }
            while (plain.Contains(alias));
            ids[state] = alias;
        }

        return ids;
    }

    // Mermaid entity codes keep quotes, semicolons and angle brackets from breaking the syntax.
    private static string EscapeText(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '#' => "#35;",
                '"' => "#quot;",
                ';' => "#59;",
                '<' => "#lt;",
                '>' => "#gt;",
                '\r' => string.Empty,
                '\n' => " ",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    private static string DirectionCode(MermaidGraphDirection direction) => direction switch
    {
        MermaidGraphDirection.TopToBottom => "TB",
        MermaidGraphDirection.BottomToTop => "BT",
        MermaidGraphDirection.LeftToRight => "LR",
        MermaidGraphDirection.RightToLeft => "RL",
        _ => throw new ArgumentOutOfRangeException(nameof(direction)),
    };

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex PlainIdentifier();
}
