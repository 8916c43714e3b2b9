using SupportBot.Flows.Model;

namespace SupportBot.Flows.Compilation;

/// <summary>
/// Computes progress per state as a / (a + b), where a is the longest way from the start to the state and b the
/// longest way from it to an end, both over the flow graph without its loop-back edges. Along every forward
/// answer a grows and b shrinks, so progress never goes down while the user moves on; ends are 1.
/// </summary>
internal static class FlowProgress
{
    public static IReadOnlyDictionary<string, double> Compute(FlowDefinition flow, IReadOnlyList<FlowTransition> edges)
    {
        var forward = WithoutLoops(flow.Start, edges);
        var next = forward.ToLookup(e => e.Source, e => e.Target);
        var previous = forward.ToLookup(e => e.Target, e => e.Source);
        var fromStart = new Dictionary<string, int>();
        var toEnd = new Dictionary<string, int>();
        var progress = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var s in flow.States)
        {
            var a = Longest(s.Id, previous, fromStart);
            var b = Longest(s.Id, next, toEnd);
            progress[s.Id] = s.Kind == FlowStateKind.End || a + b == 0 ? 1.0 : Math.Round((double)a / (a + b), 2);
        }
        return progress;
    }

    // Longest path length along `step` (the graph is acyclic here), memoised.
    private static int Longest(string id, ILookup<string, string> step, Dictionary<string, int> memo)
    {
        if (memo.TryGetValue(id, out var known)) return known;
        var best = step[id].Select(n => Longest(n, step, memo) + 1).DefaultIfEmpty(0).Max();
        memo[id] = best;
        return best;
    }

    // Drops edges that close a loop (found by depth-first search from the start), e.g. "re-enter the key".
    private static List<FlowTransition> WithoutLoops(string start, IReadOnlyList<FlowTransition> edges)
    {
        var bySource = edges.ToLookup(e => e.Source);
        var onPath = new HashSet<string>();
        var done = new HashSet<string>();
        var kept = new List<FlowTransition>();
        void Visit(string id)
        {
            onPath.Add(id);
            foreach (var e in bySource[id])
            {
                if (onPath.Contains(e.Target)) continue;
                kept.Add(e);
                if (!done.Contains(e.Target)) Visit(e.Target);
            }
            onPath.Remove(id);
            done.Add(id);
        }
        Visit(start);
        return kept;
    }
}
