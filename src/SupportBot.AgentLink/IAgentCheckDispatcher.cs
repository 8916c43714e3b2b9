using SupportBot.Agent.Contracts;

namespace SupportBot.AgentLink;

/// <summary>A check a flow wants the agent to run.</summary>
/// <param name="Kind">One of <see cref="CheckKinds"/>.</param>
/// <param name="Parameters">Kind-specific parameters (see the agent README).</param>
/// <param name="Timeout">How long to wait for the answer; null = <see cref="AgentLinkOptions.DefaultJobTimeout"/>.</param>
public sealed record AgentCheck(string Kind, IReadOnlyDictionary<string, string> Parameters, TimeSpan? Timeout = null);

/// <summary>Queues checks for a conversation's agent (FlowDialog calls this instead of asking).</summary>
public interface IAgentCheckDispatcher
{
    /// <summary>
    /// Queues <paramref name="check"/> and wakes the agent's long-poll. Returns the job as the agent will see it
    /// (its <see cref="CheckRequest.JobId"/> comes back on the <c>agent.result</c> event). When no answer arrives by the
    /// deadline the sink receives a <see cref="CheckStatus.Timeout"/> result made by the server.
    /// </summary>
    /// <exception cref="InvalidOperationException">The conversation has no link (never paired, or ended).</exception>
    Task<CheckRequest> DispatchAsync(string conversationId, AgentCheck check, CancellationToken cancellationToken = default);

    /// <summary>Results received so far for <paramref name="conversationId"/>, oldest first (for the helpdesk ticket).</summary>
    Task<IReadOnlyList<CheckResult>> ListResultsAsync(string conversationId, CancellationToken cancellationToken = default);
}
