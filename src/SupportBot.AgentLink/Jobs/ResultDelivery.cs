using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SupportBot.Agent.Contracts;
using SupportBot.AgentLink.Store;

namespace SupportBot.AgentLink.Jobs;

/// <summary>Hands results and "job started" notices to the host's <see cref="IAgentResultSink"/>; sink failures are logged, never thrown at the agent.</summary>
internal sealed class ResultDelivery(IAgentLinkStore links, IServiceProvider services, ILogger<ResultDelivery> logger)
{
    public async Task DeliverAsync(string conversationId, CheckResult result, CancellationToken cancellationToken)
    {
        // Includes ended conversations: a timeout after the end is harmless, and the reference is still needed.
        var reference = links.OpenReference(conversationId, includeEnded: true);
        if (reference is null) return;
        try
        {
            // Resolved per call: the host may register its sink after AddAgentLink.
            await services.GetRequiredService<IAgentResultSink>().DeliverAsync(new AgentResultEvent(reference, result), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.SinkFailed(logger, exception, conversationId);
        }
    }

    public async Task PairedAsync(string conversationId, CancellationToken cancellationToken)
    {
        var reference = links.OpenReference(conversationId);
        if (reference is null) return;
        try
        {
            await services.GetRequiredService<IAgentResultSink>().PairedAsync(new AgentPairedEvent(reference), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.SinkFailed(logger, exception, conversationId);
        }
    }

    public async Task StartedAsync(string conversationId, IReadOnlyList<CheckRequest> jobs, CancellationToken cancellationToken)
    {
        var reference = links.OpenReference(conversationId);
        if (reference is null) return;
        try
        {
            var sink = services.GetRequiredService<IAgentResultSink>();
            foreach (var job in jobs) await sink.JobStartedAsync(new AgentJobStartedEvent(reference, job), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.SinkFailed(logger, exception, conversationId);
        }
    }
}

/// <summary>The default sink: logs only. The host replaces it with one that runs a turn.</summary>
internal sealed class LoggingResultSink(ILogger<LoggingResultSink> logger) : IAgentResultSink
{
    public Task DeliverAsync(AgentResultEvent resultEvent, CancellationToken cancellationToken)
    {
        Log.NoSink(logger, resultEvent.Conversation.Conversation?.Id ?? "");
        return Task.CompletedTask;
    }
}
