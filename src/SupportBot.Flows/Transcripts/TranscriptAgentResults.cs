using System.Globalization;
using SupportBot.Agent.Contracts;
using SupportBot.Flows.Checks;

namespace SupportBot.Flows.Transcripts;

/// <summary>Turns a scripted <c>agent:</c> step into the <see cref="CheckResult"/> the helper would send.</summary>
public static class TranscriptAgentResults
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The result for the check of <paramref name="kind"/> queued as <paramref name="jobId"/>.</summary>
    /// <exception cref="ArgumentException">The outcome does not exist for the kind, or the status is not a status.</exception>
    public static CheckResult ToCheckResult(TranscriptAgentResult step, string kind, string jobId)
    {
        var facts = step.Outcome is { } outcome ? CheckResultSamples.Facts(kind, outcome) : [];
        foreach (var (name, text) in step.Facts) facts[name] = Fact(text);
        var status = step.Outcome is { } o ? CheckResultSamples.Status(o) : Status(step.Status!);
        return new CheckResult(jobId, kind, status, facts, ["scripted result"], new CheckTimings(Epoch, Epoch, new Dictionary<string, double>()),
            status is CheckStatus.Pass or CheckStatus.Fail ? null : "scripted " + step.Status);
    }

    private static CheckStatus Status(string text) => text switch
    {
        "pass" => CheckStatus.Pass,
        "fail" => CheckStatus.Fail,
        "error" => CheckStatus.Error,
        "timeout" => CheckStatus.Timeout,
        "refused" => CheckStatus.Refused,
        "unsupported" => CheckStatus.Unsupported,
        _ => throw new ArgumentException($"agent status '{text}' is not pass, fail, error, timeout, refused or unsupported", nameof(text)),
    };

    private static FactValue Fact(string text) =>
        text is "true" or "false" ? FactValue.Of(text == "true")
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && !text.Contains('.', StringComparison.Ordinal) ? FactValue.Of(n)
        : FactValue.Of(text);
}
