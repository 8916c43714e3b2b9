using System.Text.Json;
using SupportBot.Agent.Contracts;
using SupportBot.Schema;

namespace SupportBot.AgentLink;

/// <summary>A result for one conversation, ready to enter the turn pipeline.</summary>
/// <param name="Conversation">The reference stored when the code was created.</param>
/// <param name="Result">What the agent (or, on timeout, the server) reported.</param>
public sealed record AgentResultEvent(ConversationReference Conversation, CheckResult Result)
{
    /// <summary>The event activity name.</summary>
    public const string EventName = "agent.result";

    /// <summary>An incoming <c>event</c> activity named <c>agent.result</c>, value = the CheckResult JSON.</summary>
    public Activity ToActivity()
    {
        var json = JsonSerializer.SerializeToElement(Result, AgentJsonContext.Default.CheckResult);
        var activity = new Activity(ActivityTypes.Event) { Name = EventName, Value = json };
        return activity.ApplyConversationReference(Conversation, isIncoming: true);
    }
}

/// <summary>An agent has taken a job and is running it (show a typing indicator).</summary>
/// <param name="Conversation">The reference stored when the code was created.</param>
/// <param name="Job">The job being run.</param>
public sealed record AgentJobStartedEvent(ConversationReference Conversation, CheckRequest Job);

/// <summary>An agent has just redeemed the conversation's pairing code (the bot can say so and stop waiting).</summary>
/// <param name="Conversation">The reference stored when the code was created.</param>
public sealed record AgentPairedEvent(ConversationReference Conversation)
{
    /// <summary>The event activity name.</summary>
    public const string EventName = "agent.paired";

    /// <summary>An incoming <c>event</c> activity named <c>agent.paired</c> for the conversation (no value).</summary>
    public Activity ToActivity()
    {
        var activity = new Activity(ActivityTypes.Event) { Name = EventName };
        return activity.ApplyConversationReference(Conversation, isIncoming: true);
    }
}

/// <summary>
/// Implemented by the host: runs a turn for the conversation with <see cref="AgentResultEvent.ToActivity"/>, and shows
/// typing while a check runs. Register your own after <c>AddAgentLink</c>; the default only logs.
/// </summary>
public interface IAgentResultSink
{
    /// <summary>Called once per accepted result (and for jobs that passed their deadline unanswered).</summary>
    Task DeliverAsync(AgentResultEvent resultEvent, CancellationToken cancellationToken);

    /// <summary>Called when an agent claims a job; the default does nothing.</summary>
    Task JobStartedAsync(AgentJobStartedEvent started, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Called once when an agent pairs with the conversation (before its first poll); the default does nothing.</summary>
    Task PairedAsync(AgentPairedEvent paired, CancellationToken cancellationToken) => Task.CompletedTask;
}
