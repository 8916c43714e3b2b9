namespace SupportBot.Agent.Contracts;

/// <summary>When a check ran, and how long each measured phase took.</summary>
/// <param name="StartedAt">Agent clock when the check started.</param>
/// <param name="FinishedAt">Agent clock when the check ended.</param>
/// <param name="PhasesMs">Milliseconds per phase, e.g. <c>dns</c>, <c>tcp</c>, <c>tls</c>, <c>http</c>, <c>total</c>.</param>
public sealed record CheckTimings(
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    IReadOnlyDictionary<string, double> PhasesMs)
{
    /// <summary>Whole duration in milliseconds.</summary>
    public double TotalMs => (FinishedAt - StartedAt).TotalMilliseconds;
}
