using SupportBot.Flows.Model;

namespace SupportBot.Flows.Compilation;

/// <summary>
/// Computes progress per state as depth / (depth + remaining): depth is the shortest way from the start,
/// remaining the shortest way to an end without taking a "fixed" shortcut (so progress grows as the
/// checks are worked through, not only at the end).
/// </summary>
internal static class FlowProgress
{
    public static IReadOnlyDictionary<string, double> Compute(FlowDefinition flow, IReadOnlyList<FlowTransition> edges)
    {
        var depth = Distances([flow.Start], edges.ToLookup(e => e.Source, e => e.Target));
        var ends = flow.States.Where(s => s.Kind == FlowStateKind.End).Select(s => s.Id).ToList();
        var backward = edges.Where(e => e.Trigger != "resolved").ToLookup(e => e.Target, e => e.Source);
        var remaining = Distances(ends, backward);
        var anyWay = Distances(ends, edges.ToLookup(e => e.Target, e => e.Source));
        var progress = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var s in flow.States)
        {
            if (s.Kind == FlowStateKind.End) { progress[s.Id] = 1.0; continue; }
            var d = depth.GetValueOrDefault(s.Id);
            var r = remaining.TryGetValue(s.Id, out var rest) ? rest : anyWay.GetValueOrDefault(s.Id, 1);
            progress[s.Id] = Math.Round((double)d / (d + r), 2);
        }
        return progress;
    }

    private static Dictionary<string, int> Distances(IEnumerable<string> from, ILookup<string, string> next)
    {
        var dist = from.ToDictionary(s => s, _ => 0);
        var queue = new Queue<string>(dist.Keys);
        while (queue.TryDequeue(out var id))
        {
            foreach (var n in next[id].Where(n => !dist.ContainsKey(n)))
            {
                dist[n] = dist[id] + 1;
                queue.Enqueue(n);
            }
        }
        return dist;
    }
}
