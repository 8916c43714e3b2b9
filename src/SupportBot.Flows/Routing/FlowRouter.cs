using SupportBot.Flows.Compilation;

namespace SupportBot.Flows.Routing;

/// <summary>How the first free-text message was routed.</summary>
public enum RouteKind
{
    /// <summary>One flow clearly fits.</summary>
    Match,

    /// <summary>Two flows fit about equally: ask the user which.</summary>
    Ambiguous,

    /// <summary>Nothing fits: say what the bot can help with and offer a person.</summary>
    OutOfScope,
}

/// <summary>The routing decision with the candidate flows, best first, and their scores.</summary>
public sealed record RouteResult(RouteKind Kind, IReadOnlyList<(CompiledFlow Flow, double Score)> Candidates)
{
    /// <summary>The chosen flow for <see cref="RouteKind.Match"/>.</summary>
    public CompiledFlow? Flow => Kind == RouteKind.Match ? Candidates[0].Flow : null;
}

/// <summary>
/// Routes a user's first message to a flow by TF-IDF weighted character n-gram cosine similarity against each
/// flow's <c>examples</c> (and title). N-grams every flow shares (「ライセンス」) weigh less than telling ones.
/// Runs locally; no cloud service.
/// </summary>
public sealed class FlowRouter
{
    /// <summary>Below this best score the message is out of scope.</summary>
    public const double MinScore = 0.2;

    /// <summary>The best flow must beat the second by this much to be a clear winner.</summary>
    public const double MinMargin = 0.06;

    /// <summary>A second flow scoring at least this share of the best one also makes the message ambiguous.</summary>
    public const double CloseRatio = 0.6;

    private readonly List<(CompiledFlow Flow, List<Dictionary<string, double>> Examples)> _flows;
    private readonly Dictionary<string, double> _idf;

    /// <summary>Builds the index from the flows' examples and titles.</summary>
    public FlowRouter(IEnumerable<CompiledFlow> flows)
    {
        var raw = flows.Select(f => (Flow: f, Examples: f.Definition.Examples.All
            .Concat([f.Definition.Title.Ja, f.Definition.Title.En ?? ""]).Where(e => e.Length > 0)
            .Select(NGramVector.Features).ToList())).ToList();
        // Document frequency per flow (not per example), so n-grams all flows use count little.
        var df = raw.SelectMany(f => f.Examples.SelectMany(e => e.Keys).Distinct()).GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
        _idf = df.ToDictionary(p => p.Key, p => Math.Log((1.0 + raw.Count) / p.Value) + 0.3);
        _flows = [.. raw.Select(f => (f.Flow, f.Examples.Select(Weigh).ToList()))];
    }

    /// <summary>Routes one message.</summary>
    public RouteResult Route(string text)
    {
        var query = Weigh(NGramVector.Features(text));
        var ranked = _flows
            .Select(f => (f.Flow, Score: Math.Round(f.Examples.Select(e => NGramVector.Cosine(query, e)).DefaultIfEmpty(0).Max(), 3)))
            .OrderByDescending(x => x.Score)
            .ToList();
        if (ranked.Count == 0 || ranked[0].Score < MinScore) return new RouteResult(RouteKind.OutOfScope, ranked);
        if (ranked.Count > 1 && ranked[0].Score - ranked[1].Score < MinMargin || ranked.Count > 1 && ranked[1].Score >= CloseRatio * ranked[0].Score)
            return new RouteResult(RouteKind.Ambiguous, ranked.Take(2).ToList());
        return new RouteResult(RouteKind.Match, ranked);
    }

    // Unknown n-grams (never in any example) keep a small weight so they still dilute the match.
    private Dictionary<string, double> Weigh(Dictionary<string, double> tf) =>
        tf.ToDictionary(p => p.Key, p => p.Value * _idf.GetValueOrDefault(p.Key, 0.3));
}
