using SupportBot.AgentLink;
using SupportBot.Builder;
using SupportBot.Connector.BotFramework;
using SupportBot.Connector.DirectLine.Conversations;
using SupportBot.Schema;
using SupportBot.Storage;

namespace SupportBot.Server.Agent;

/// <summary>
/// The host's <see cref="IAgentResultSink"/>: every <c>agent.result</c> and <c>agent.paired</c> becomes a real turn of the
/// conversation through its channel's adapter, so the dialogs continue exactly as after a user message. Direct Line
/// turns hold the conversation lock posted messages hold (the host's IConversationLockProvider, shared across
/// instances), so replies land in the activity log and on the stream in order; Bot Framework channels (Teams) run
/// through the channel adapter, whose replies go to the stored serviceUrl. While an agent runs a check the user sees
/// a typing indicator.
/// </summary>
public sealed partial class AgentTurnSink(
    IServiceProvider services, IHostApplicationLifetime lifetime, ILogger<AgentTurnSink> logger) : IAgentResultSink
{
    /// <inheritdoc />
    public Task DeliverAsync(AgentResultEvent resultEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resultEvent);
        return RunTurnAsync(resultEvent.Conversation, AgentEvents.ToTurn(resultEvent));
    }

    /// <inheritdoc />
    public Task PairedAsync(AgentPairedEvent paired, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paired);
        return RunTurnAsync(paired.Conversation, AgentEvents.ToTurn(paired));
    }

    /// <inheritdoc />
    public async Task JobStartedAsync(AgentJobStartedEvent started, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(started);
        var reference = started.Conversation;
        var typing = new Activity(ActivityTypes.Typing) { Recipient = reference.User };
        if (IsDirectLine(reference))
        {
            // Typing is never logged, only streamed: no turn needed.
            await services.GetRequiredService<IDirectLineOutbox>().SendAsync(reference.Conversation!.Id!, typing, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (services.GetService<BotFrameworkChannelAdapter>() is { } adapter)
        {
            await adapter.ContinueConversationAsync(reference, (context, ct) => context.SendActivityAsync(typing, ct), lifetime.ApplicationStopping).ConfigureAwait(false);
        }
    }

    // The turn lives as long as the app, not as long as the agent's HTTP request: once started it must save its state.
    private async Task RunTurnAsync(ConversationReference reference, Activity activity)
    {
        var conversationId = reference.Conversation?.Id ?? throw new ArgumentException("The reference has no conversation id.", nameof(reference));
        var stopping = lifetime.ApplicationStopping;
        if (IsDirectLine(reference))
        {
            // Adapters are looked up late: the bot they run depends on services registered after this sink.
            var turns = services.GetRequiredService<IDirectLineTurnProcessor>();
            await using (await services.GetRequiredService<IConversationLockProvider>().AcquireAsync(conversationId, stopping).ConfigureAwait(false))
            {
                await turns.ProcessAsync(activity, stopping).ConfigureAwait(false);
            }
            return;
        }
        if (services.GetService<BotFrameworkChannelAdapter>() is not { } channel)
        {
            LogNoChannel(logger, reference.ChannelId ?? "", conversationId);
            return;
        }
        var result = await channel.ProcessAsync(activity, stopping).ConfigureAwait(false);
        if (result.Status == TurnStatus.Failed) LogTurnFailed(logger, activity.Name ?? "", conversationId);
    }

    private static bool IsDirectLine(ConversationReference reference) =>
        string.Equals(reference.ChannelId, DirectLineConversations.ChannelId, StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "No adapter for channel {ChannelId}: agent event for {ConversationId} not delivered")]
    private static partial void LogNoChannel(ILogger logger, string channelId, string conversationId);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "The {EventName} turn failed in {ConversationId}; the user got the apology")]
    private static partial void LogTurnFailed(ILogger logger, string eventName, string conversationId);
}
