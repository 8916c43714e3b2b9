using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SupportBot.Builder;
using SupportBot.Connector.ConnectorClient;
using SupportBot.Schema;
using SupportBot.Storage;

namespace SupportBot.Connector.BotFramework;

/// <summary>
/// The Bot Framework channel adapter (the SDK's <c>CloudAdapter</c> role): inbound activities from
/// <c>/api/messages</c> run through a <see cref="ConversationTurnRunner"/> with the <see cref="IBot"/> from DI,
/// and replies go back through <see cref="IConnectorClient"/> to the activity's serviceUrl, which the connector
/// only accepts after an authenticated inbound activity carried it.
/// </summary>
public sealed class BotFrameworkChannelAdapter : BotAdapter
{
    private readonly ConversationTurnRunner _runner;
    private readonly IConnectorClient _connector;
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly ILogger<BotFrameworkChannelAdapter> _logger;

    /// <summary>
    /// Creates the adapter; middleware is added by <c>AddBotFrameworkChannel</c> (or by the host via <see cref="BotAdapter.Use"/>).
    /// <paramref name="locks"/> is the host's conversation lock (cross-instance on PostgreSQL); in-process when not given.
    /// </summary>
    public BotFrameworkChannelAdapter(
        IConversationStateStore store, IConnectorClient connector, IServiceScopeFactory scopes, TimeProvider time,
        ILogger<BotFrameworkChannelAdapter> logger, ILogger<ConversationTurnRunner> runnerLogger,
        IConversationLockProvider? locks = null)
    {
        _connector = connector;
        _scopes = scopes;
        _time = time;
        _logger = logger;
        _runner = new ConversationTurnRunner(this, store, runnerLogger, locks: locks);
    }

    /// <summary>Runs one authenticated inbound activity with the bot registered in DI (a scope per turn).</summary>
    public async Task<ConversationTurnResult> ProcessAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        await using var scope = _scopes.CreateAsyncScope();
        var bot = scope.ServiceProvider.GetRequiredService<IBot>();
        return await _runner.RunTurnAsync(activity, bot.OnTurnAsync, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(activities);
        var inbound = turnContext.Activity;
        var expectReplies = string.Equals(inbound.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.OrdinalIgnoreCase);
        var responses = new ResourceResponse[activities.Length];
        for (var i = 0; i < activities.Length; i++)
        {
            var activity = activities[i];
            responses[i] = new ResourceResponse();
            if (activity.IsType(ActivityTypes.Delay))
            {
                await Task.Delay(DelayOf(activity), _time, cancellationToken).ConfigureAwait(false);
            }
            else if (expectReplies || !ShouldSend(activity, inbound))
            {
                // expectReplies: the endpoint returns ConversationTurnResult.Delivered in the HTTP body instead.
                continue;
            }
            else
            {
                responses[i] = await SendOneAsync(activity, inbound, cancellationToken).ConfigureAwait(false);
            }
        }

        return responses;
    }

    /// <inheritdoc />
    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var (serviceUrl, conversationId) = Address(activity, turnContext.Activity);
        var id = activity.Id ?? throw new ArgumentException("The activity to update has no id.", nameof(activity));
        return _connector.UpdateActivityAsync(serviceUrl, conversationId, id, activity, cancellationToken);
    }

    /// <inheritdoc />
    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var serviceUrl = reference.ServiceUrl ?? turnContext.Activity.ServiceUrl ?? throw new InvalidOperationException("No serviceUrl.");
        var conversationId = reference.Conversation?.Id ?? turnContext.Activity.Conversation?.Id ?? throw new InvalidOperationException("No conversation id.");
        var id = reference.ActivityId ?? throw new ArgumentException("The reference has no activity id.", nameof(reference));
        return _connector.DeleteActivityAsync(serviceUrl, conversationId, id, cancellationToken);
    }

    /// <inheritdoc />
    public override Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken = default)
        => _runner.ContinueConversationAsync(reference, callback, cancellationToken);

    private async Task<ResourceResponse> SendOneAsync(Activity activity, Activity inbound, CancellationToken cancellationToken)
    {
        var (serviceUrl, conversationId) = Address(activity, inbound);
        activity.CallerId = null; // set by receivers only (A2251)
        var response = activity.ReplyToId is { Length: > 0 } replyTo
            ? await _connector.ReplyToActivityAsync(serviceUrl, conversationId, replyTo, activity, cancellationToken).ConfigureAwait(false)
            : await _connector.SendToConversationAsync(serviceUrl, conversationId, activity, cancellationToken).ConfigureAwait(false);
        BotFrameworkLog.Sent(_logger, activity.Type ?? "", conversationId, response.Id);
        return response;
    }

    // The SDK drops trace activities except towards the Emulator; invokeResponse never goes on the wire.
    private static bool ShouldSend(Activity activity, Activity inbound)
        => !activity.IsType(ActivityTypes.InvokeResponse)
           && (!activity.IsType(ActivityTypes.Trace) || string.Equals(inbound.ChannelId, Channels.Emulator, StringComparison.OrdinalIgnoreCase));

    private static (string ServiceUrl, string ConversationId) Address(Activity activity, Activity inbound)
    {
        var serviceUrl = activity.ServiceUrl ?? inbound.ServiceUrl ?? throw new InvalidOperationException("The activity has no serviceUrl.");
        var conversationId = activity.Conversation?.Id ?? inbound.Conversation?.Id ?? throw new InvalidOperationException("The activity has no conversation id.");
        return (serviceUrl, conversationId);
    }

    private static TimeSpan DelayOf(Activity activity)
        => activity.Value is { ValueKind: System.Text.Json.JsonValueKind.Number } value && value.TryGetInt32(out var ms) && ms > 0
            ? TimeSpan.FromMilliseconds(Math.Min(ms, 60_000))
            : TimeSpan.FromSeconds(1);
}
