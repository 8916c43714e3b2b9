using Microsoft.Extensions.Options;
using SupportBot.AgentLink;
using SupportBot.Builder;
using SupportBot.Flows.Checks;

namespace SupportBot.Server.Agent;

/// <summary>
/// The flows' <see cref="IFlowCheckRunner"/> over the agent link: "paired" is <see cref="IAgentPresence"/>, a check is
/// queued with <see cref="IAgentCheckDispatcher"/> (deadline <c>AgentLink:DefaultJobTimeout</c>), its <c>url</c> passed
/// through <see cref="AgentHostOptions.CheckUrlOverrides"/>. Anything that prevents queuing means "ask the user
/// instead", never an error in the user's turn.
/// </summary>
public sealed partial class AgentFlowCheckRunner(
    IAgentPresence presence, IAgentCheckDispatcher dispatcher, IOptions<AgentHostOptions> options, ILogger<AgentFlowCheckRunner> logger) : IFlowCheckRunner
{
    private const string UrlParameter = "url";

    /// <inheritdoc />
    public async Task<bool> IsAgentPairedAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.Activity.Conversation?.Id is { Length: > 0 } conversationId
            && await presence.IsPairedAsync(conversationId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<string?> TryStartAsync(ITurnContext turnContext, FlowCheckRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(request);
        if (turnContext.Activity.Conversation?.Id is not { Length: > 0 } conversationId) return null;
        try
        {
            var job = await dispatcher.DispatchAsync(conversationId, new AgentCheck(request.Kind, WithOverrides(request.Parameters)), cancellationToken).ConfigureAwait(false);
            return job.JobId;
        }
        catch (InvalidOperationException)
        {
            return null; // the link ended meanwhile
        }
        catch (ArgumentException exception)
        {
            LogBadCheck(logger, exception, request.FlowId, request.StateId, request.Kind);
            return null;
        }
    }

    private Dictionary<string, string> WithOverrides(IReadOnlyDictionary<string, string> parameters)
    {
        var result = new Dictionary<string, string>(parameters, StringComparer.Ordinal);
        if (!result.TryGetValue(UrlParameter, out var url)) return result;
        foreach (var rule in options.Value.CheckUrlOverrides)
        {
            if (rule.From.Length > 0 && url.StartsWith(rule.From, StringComparison.OrdinalIgnoreCase))
            {
                result[UrlParameter] = rule.To + url[rule.From.Length..];
                break;
            }
        }
        return result;
    }

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "Flow {FlowId} state {StateId} asked for a check the link cannot queue ({Kind}); asking the user instead")]
    private static partial void LogBadCheck(ILogger logger, Exception exception, string flowId, string stateId, string kind);
}
