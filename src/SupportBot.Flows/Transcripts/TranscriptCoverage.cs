using SupportBot.Flows.Compilation;

namespace SupportBot.Flows.Transcripts;

/// <summary>
/// The check paths scripted conversations must take, next to every transition: each declared outcome of each
/// check, and the "could not check" fallback (the question is asked) of each checked question.
/// </summary>
public static class TranscriptCoverage
{
    /// <summary>The path name of a helper result that gave no answer.</summary>
    public const string CouldNotCheck = "could-not-check";

    /// <summary>Every check path of <paramref name="flow"/>, e.g. <c>internet-open-page --check:iis-page</c>.</summary>
    public static IReadOnlyList<string> CheckKeys(CompiledFlow flow) =>
    [
        .. flow.Definition.States.Where(s => s.Check is not null)
            .SelectMany(s => s.Check!.Outcomes.Keys.Append(CouldNotCheck).Select(o => CheckKey(s.Id, o))),
    ];

    /// <summary>The key of one check path.</summary>
    public static string CheckKey(string state, string outcome) => $"{state} --check:{outcome}";
}
