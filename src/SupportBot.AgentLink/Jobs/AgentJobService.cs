using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.Agent.Contracts;
using SupportBot.AgentLink.Store;

namespace SupportBot.AgentLink.Jobs;

/// <summary>Queues checks (<see cref="IAgentCheckDispatcher"/>), hands them to polling agents, and records results.</summary>
internal sealed class AgentJobService(
    IAgentJobStore jobs, IAgentLinkStore links, JobSignal signal, ResultDelivery delivery,
    IOptions<AgentLinkOptions> options, TimeProvider time, ILogger<AgentJobService> logger) : IAgentCheckDispatcher
{
    public Task<CheckRequest> DispatchAsync(string conversationId, AgentCheck check, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (!CheckKinds.All.Contains(check.Kind)) throw new ArgumentException($"Unknown check kind '{check.Kind}'.", nameof(check));
        var now = time.GetUtcNow();
        var job = new CheckRequest("j-" + Guid.NewGuid().ToString("n")[..16], check.Kind,
            new Dictionary<string, string>(check.Parameters ?? new Dictionary<string, string>()), now + (check.Timeout ?? options.Value.DefaultJobTimeout));
        if (!jobs.Enqueue(conversationId, job, now.ToUnixTimeMilliseconds()))
            throw new InvalidOperationException($"Conversation {conversationId} has no open agent link.");
        Log.JobQueued(logger, job.JobId, job.Kind, conversationId);
        signal.Pulse(conversationId);
        return Task.FromResult(job);
    }

    public Task<IReadOnlyList<CheckResult>> ListResultsAsync(string conversationId, CancellationToken cancellationToken = default) =>
        Task.FromResult(jobs.Results(conversationId));

    /// <summary>
    /// Waits up to <paramref name="wait"/> for jobs: null = nothing arrived (204), empty = the conversation ended (410).
    /// </summary>
    public async Task<IReadOnlyList<CheckRequest>?> PollAsync(AgentCaller caller, TimeSpan wait, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow() + wait;
        links.Touch(caller.SessionId, time.GetUtcNow().ToUnixTimeMilliseconds()); // presence: once per poll, not per store read
        while (true)
        {
            var woken = signal.Next(caller.ConversationId); // before reading, so a job queued meanwhile still wakes us
            var now = time.GetUtcNow();
            if (links.FindSession(caller.SessionId) is not { EndedAtMs: null, RevokedAtMs: null }) return [];
            var claimed = jobs.Claim(caller.ConversationId, caller.SessionId, now.ToUnixTimeMilliseconds());
            if (claimed.Count > 0)
            {
                await delivery.StartedAsync(caller.ConversationId, claimed, cancellationToken);
                return claimed;
            }
            var left = until - now;
            if (left <= TimeSpan.Zero) return null;
            var nap = left < options.Value.StorePollInterval ? left : options.Value.StorePollInterval;
            await Task.WhenAny(woken, Task.Delay(nap, time, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Records a result from <paramref name="caller"/> and, when it answers a live job, delivers it.</summary>
    public async Task<CompleteOutcome> CompleteAsync(AgentCaller caller, CheckResult result, CancellationToken cancellationToken)
    {
        var outcome = jobs.Complete(caller.ConversationId, result, time.GetUtcNow().ToUnixTimeMilliseconds());
        Log.ResultReceived(logger, AgentLinkJson.Status(result.Status), result.JobId, result.Kind, caller.ConversationId, outcome.ToString());
        if (outcome == CompleteOutcome.Accepted) await delivery.DeliverAsync(caller.ConversationId, result, cancellationToken);
        return outcome;
    }
}

/// <summary>An authenticated agent: its session and the one conversation its token is scoped to.</summary>
internal sealed record AgentCaller(string SessionId, string ConversationId);
