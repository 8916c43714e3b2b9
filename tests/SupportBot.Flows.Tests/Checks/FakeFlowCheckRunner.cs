using SupportBot.Builder;
using SupportBot.Flows.Checks;

namespace SupportBot.Flows.Tests.Checks;

/// <summary>
/// Stands in for the host's agent link behind the narrow <see cref="IFlowCheckRunner"/> seam: says whether a helper
/// is paired and records what would be queued (the real link is tested end to end by the server tests).
/// </summary>
internal sealed class FakeFlowCheckRunner : IFlowCheckRunner
{
    private int _next;

    /// <summary>Whether a helper is paired now.</summary>
    public bool Paired { get; set; } = true;

    /// <summary>When false, queuing fails (returns null) as if the helper had just gone away.</summary>
    public bool Accepts { get; set; } = true;

    /// <summary>Every check queued, with the job id it got.</summary>
    public List<(string JobId, FlowCheckRequest Request)> Started { get; } = [];

    /// <summary>The job id of the last check queued.</summary>
    public string LastJobId => Started[^1].JobId;

    public Task<bool> IsAgentPairedAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.FromResult(Paired);

    public Task<string?> TryStartAsync(ITurnContext turnContext, FlowCheckRequest request, CancellationToken cancellationToken)
    {
        if (!Paired || !Accepts) return Task.FromResult<string?>(null);
        var id = $"job-{++_next}";
        Started.Add((id, request));
        return Task.FromResult<string?>(id);
    }
}
