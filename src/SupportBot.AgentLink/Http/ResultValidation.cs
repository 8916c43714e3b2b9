using SupportBot.Agent.Contracts;

namespace SupportBot.AgentLink.Http;

/// <summary>Shape checks on a posted <see cref="CheckResult"/> (the job match is checked against the store).</summary>
internal static class ResultValidation
{
    private const int MaxFacts = 64, MaxEvidence = 64, MaxLine = 1000, MaxIdLength = 64;

    /// <summary>What is wrong with <paramref name="result"/>, or null when it is acceptable.</summary>
    public static string? Problem(CheckResult result)
    {
        // Records deserialised from JSON can hold nulls where the C# type says otherwise.
        if (string.IsNullOrWhiteSpace(result.JobId) || result.JobId.Length > MaxIdLength) return "'jobId' is required (at most 64 characters).";
        if (string.IsNullOrWhiteSpace(result.Kind) || result.Kind.Length > MaxIdLength) return "'kind' is required.";
        if (!Enum.IsDefined(result.Status)) return "'status' is not a known status.";
        if (result.Facts is null) return "'facts' is required (may be empty).";
        if (result.Facts.Count > MaxFacts || result.Facts.Any(f => f.Key.Length > MaxIdLength || f.Value is null)) return "Too many or malformed facts.";
        if (result.Evidence is null) return "'evidence' is required (may be empty).";
        if (result.Evidence.Count > MaxEvidence || result.Evidence.Any(line => line is null || line.Length > MaxLine)) return "Too many or too long evidence lines.";
        if (result.Timings is null || result.Timings.PhasesMs is null) return "'timings' is required.";
        if (result.Reason?.Length > MaxLine * 4) return "'reason' is too long.";
        return null;
    }
}
