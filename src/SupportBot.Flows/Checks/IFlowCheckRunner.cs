using SupportBot.Builder;

namespace SupportBot.Flows.Checks;

/// <summary>A check a flow state wants run on the user's PC: the state's <c>check:</c> with its slots filled in.</summary>
/// <param name="FlowId">The flow asking.</param>
/// <param name="StateId">The ask state the check answers.</param>
/// <param name="Kind">The check kind (e.g. <c>http-probe</c>).</param>
/// <param name="Parameters">The kind's parameters, <c>{slot}</c> placeholders already replaced.</param>
public sealed record FlowCheckRequest(string FlowId, string StateId, string Kind, IReadOnlyDictionary<string, string> Parameters);

/// <summary>
/// The host's bridge to the PC helper agent. The flows never talk to the agent link themselves: FlowDialog asks
/// this whether a helper is paired, queues a check through it, and later receives the answer as an incoming
/// <c>event</c> activity named <c>agent.result</c> whose value is the agent's <c>CheckResult</c>.
/// </summary>
public interface IFlowCheckRunner
{
    /// <summary>True when the conversation of <paramref name="turnContext"/> has a paired helper that is polling now.</summary>
    Task<bool> IsAgentPairedAsync(ITurnContext turnContext, CancellationToken cancellationToken);

    /// <summary>
    /// Queues <paramref name="request"/> for the conversation's helper. Returns the job id that comes back on the
    /// <c>agent.result</c> event, or null when nothing could be queued (no helper any more): then the flow asks the user.
    /// </summary>
    Task<string?> TryStartAsync(ITurnContext turnContext, FlowCheckRequest request, CancellationToken cancellationToken);
}
