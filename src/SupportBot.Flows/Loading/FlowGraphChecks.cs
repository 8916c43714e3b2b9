using SupportBot.Flows.Model;

namespace SupportBot.Flows.Loading;

/// <summary>Graph checks: ids, targets, reachability from the start, a way to an end from every state.</summary>
internal static class FlowGraphChecks
{
    public static void Run(FlowDefinition flow, List<FlowError> errors)
    {
        void Error(FlowState? s, string message) => errors.Add(new FlowError(flow.SourceFile, s?.Id, s?.Line ?? 0, message));

        if (!System.Text.RegularExpressions.Regex.IsMatch(flow.Id, "^[a-z0-9]+(-[a-z0-9]+)*$")) Error(null, $"flow id '{flow.Id}' must be kebab-case");
        foreach (var dup in flow.States.GroupBy(s => s.Id).Where(g => g.Count() > 1))
            Error(dup.Skip(1).First(), $"duplicate state id '{dup.Key}' (also on line {dup.First().Line})");
        foreach (var state in flow.States)
        {
            if (!System.Text.RegularExpressions.Regex.IsMatch(state.Id, "^[a-z0-9]+(-[a-z0-9]+)*$")) Error(state, "state ids must be kebab-case");
            foreach (var dup in state.Choices.GroupBy(c => c.Id).Where(g => g.Count() > 1)) Error(state, $"choice id '{dup.Key}' is used more than once");
            foreach (var c in state.Choices.Where(c => c.Id is FlowTransition.Answered or FlowTransition.GaveUp))
                Error(state, $"choice id '{c.Id}' is reserved");
        }
        var ids = flow.States.Select(s => s.Id).ToHashSet();
        if (!ids.Contains(flow.Start)) Error(null, $"start state '{flow.Start}' does not exist");
        var edges = FlowTransition.Of(flow);
        foreach (var edge in edges.Where(e => !ids.Contains(e.Target)))
            Error(flow.Find(edge.Source), $"'{edge.Trigger}' goes to unknown state '{edge.Target}'");
        foreach (var edge in edges.Where(e => e.Target == e.Source))
            Error(flow.Find(edge.Source), $"'{edge.Trigger}' goes back to the same state (asking again is automatic)");
        if (!ids.Contains(flow.Start)) return;

        var reachable = Closure([flow.Start], edges.ToLookup(e => e.Source, e => e.Target));
        foreach (var s in flow.States.Where(s => !reachable.Contains(s.Id))) Error(s, "is unreachable from the start state");
        var ends = flow.States.Where(s => s.Kind == FlowStateKind.End).Select(s => s.Id);
        var canEnd = Closure(ends, edges.ToLookup(e => e.Target, e => e.Source));
        foreach (var s in flow.States.Where(s => reachable.Contains(s.Id) && !canEnd.Contains(s.Id))) Error(s, "has no way to reach an end state");
    }

    /// <summary>All nodes reachable from <paramref name="from"/> along <paramref name="next"/>.</summary>
    public static HashSet<string> Closure(IEnumerable<string> from, ILookup<string, string> next)
    {
        var seen = new HashSet<string>(from);
        var queue = new Queue<string>(seen);
        while (queue.TryDequeue(out var id))
        {
            foreach (var n in next[id]) if (seen.Add(n)) queue.Enqueue(n);
        }
        return seen;
    }
}
