using SupportBot.Agent.Contracts;

namespace SupportBot.AgentLink.Store;

/// <summary>How recording a result ended.</summary>
internal enum CompleteOutcome { Accepted, Duplicate, Late, NotFound, KindMismatch }

/// <summary>A job that passed its deadline unanswered.</summary>
internal sealed record ExpiredJob(string ConversationId, string JobId, string Kind);

/// <summary>
/// The job queue. States: queued → claimed → done; queued/claimed → expired (deadline) or cancelled (conversation
/// ended). A job is claimed exactly once, and an expiry is reported exactly once, even with several instances.
/// </summary>
internal interface IAgentJobStore
{
    /// <summary>Queues a job; false when the conversation has no open link.</summary>
    bool Enqueue(string conversationId, CheckRequest job, long nowMs);

    /// <summary>Takes the conversation's queued jobs (oldest first) for <paramref name="sessionId"/>.</summary>
    IReadOnlyList<CheckRequest> Claim(string conversationId, string sessionId, long nowMs);

    /// <summary>Records a result for a job of <paramref name="conversationId"/>; other conversations' jobs read as not found.</summary>
    CompleteOutcome Complete(string conversationId, CheckResult result, long nowMs);

    /// <summary>Marks unanswered jobs past their deadline expired and returns them (each exactly once).</summary>
    IReadOnlyList<ExpiredJob> ExpireDue(long nowMs);

    /// <summary>The stored results of a conversation, oldest first.</summary>
    IReadOnlyList<CheckResult> Results(string conversationId);

    /// <summary>Number of jobs in <paramref name="state"/> for a conversation (tests, diagnostics).</summary>
    int Count(string conversationId, string state);
}
