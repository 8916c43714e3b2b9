using SupportBot.Schema;

namespace SupportBot.Builder;

/// <summary>
/// The context of one turn. Outgoing activities get their addressing from the inbound activity, pass through the
/// <see cref="OnSendActivities"/> hooks, and then either go to the adapter or, when <see cref="Outbox"/> is set,
/// are held until the turn's state is saved (see <see cref="ConversationTurnRunner"/>).
/// </summary>
public class TurnContext : ITurnContext
{
    private readonly List<SendActivitiesHandler> _onSend = [];
    private readonly List<UpdateActivityHandler> _onUpdate = [];
    private readonly List<DeleteActivityHandler> _onDelete = [];

    /// <summary>Creates the context for <paramref name="activity"/>.</summary>
    public TurnContext(BotAdapter adapter, Activity activity)
    {
        Adapter = adapter ?? throw new ArgumentNullException(nameof(adapter));
        Activity = activity ?? throw new ArgumentNullException(nameof(activity));
    }

    /// <inheritdoc />
    public BotAdapter Adapter { get; }

    /// <inheritdoc />
    public Activity Activity { get; }

    /// <inheritdoc />
    public TurnContextStateCollection TurnState { get; } = new();

    /// <inheritdoc />
    public bool Responded { get; private set; }

    /// <summary>When set, held activities wait here instead of going to the adapter.</summary>
    public OutgoingActivityBuffer? Outbox { get; set; }

    /// <inheritdoc />
    public Task<ResourceResponse?> SendActivityAsync(string textReplyToSend, string? speak = null, string inputHint = InputHints.AcceptingInput, CancellationToken cancellationToken = default)
        => SendActivityAsync(MessageFactory.Text(textReplyToSend, speak, inputHint), cancellationToken);

    /// <inheritdoc />
    public async Task<ResourceResponse?> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var responses = await SendActivitiesAsync([activity], cancellationToken).ConfigureAwait(false);
        return responses.Length > 0 ? responses[0] : null;
    }

    /// <inheritdoc />
    public Task<ResourceResponse[]> SendActivitiesAsync(Activity[] activities, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activities);
        if (activities.Length == 0)
        {
            return Task.FromResult(Array.Empty<ResourceResponse>());
        }

        var list = new List<Activity>(activities.Length);
        foreach (var activity in activities)
        {
            list.Add(FillAddressing(activity));
        }

        return RunSendHooksAsync(list, 0, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var filled = FillAddressing(activity);
        return RunUpdateHooksAsync(filled, 0, cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken = default)
    {
        var reference = Activity.GetConversationReference();
        reference.ActivityId = activityId;
        return DeleteActivityAsync(reference, cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteActivityAsync(ConversationReference conversationReference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversationReference);
        return RunDeleteHooksAsync(conversationReference, 0, cancellationToken);
    }

    /// <inheritdoc />
    public ITurnContext OnSendActivities(SendActivitiesHandler handler)
    {
        _onSend.Add(handler ?? throw new ArgumentNullException(nameof(handler)));
        return this;
    }

    /// <inheritdoc />
    public ITurnContext OnUpdateActivity(UpdateActivityHandler handler)
    {
        _onUpdate.Add(handler ?? throw new ArgumentNullException(nameof(handler)));
        return this;
    }

    /// <inheritdoc />
    public ITurnContext OnDeleteActivity(DeleteActivityHandler handler)
    {
        _onDelete.Add(handler ?? throw new ArgumentNullException(nameof(handler)));
        return this;
    }

    // Only fills what the bot left empty, so a bot can still address a different recipient explicitly.
    private Activity FillAddressing(Activity activity)
    {
        var inbound = Activity;
        activity.ChannelId ??= inbound.ChannelId;
        activity.ServiceUrl ??= inbound.ServiceUrl;
        activity.Conversation ??= inbound.Conversation?.Clone();
        activity.From ??= inbound.Recipient?.Clone();
        activity.Recipient ??= inbound.From?.Clone();
        activity.Locale ??= inbound.Locale;
        if (activity.ReplyToId is null && !activity.IsType(ActivityTypes.Typing))
        {
            activity.ReplyToId = inbound.Id;
        }

        return activity;
    }

    private async Task<ResourceResponse[]> RunSendHooksAsync(List<Activity> activities, int index, CancellationToken cancellationToken)
    {
        if (index < _onSend.Count)
        {
            return await _onSend[index](this, activities, () => RunSendHooksAsync(activities, index + 1, cancellationToken)).ConfigureAwait(false);
        }

        return await DeliverAsync(activities, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ResourceResponse[]> DeliverAsync(List<Activity> activities, CancellationToken cancellationToken)
    {
        if (activities.Exists(IsVisible))
        {
            Responded = true;
        }

        if (Outbox is null)
        {
            return await Adapter.SendActivitiesAsync(this, activities.ToArray(), cancellationToken).ConfigureAwait(false);
        }

        // Held activities get an id-less response: their ids exist only after delivery.
        var responses = new ResourceResponse[activities.Count];
        var immediate = new List<(int Index, Activity Activity)>();
        for (var i = 0; i < activities.Count; i++)
        {
            if (OutgoingActivityBuffer.ShouldHold(activities[i]))
            {
                Outbox.Add(activities[i]);
                responses[i] = new ResourceResponse();
            }
            else
            {
                immediate.Add((i, activities[i]));
            }
        }

        if (immediate.Count > 0)
        {
            var sent = await Adapter.SendActivitiesAsync(this, immediate.Select(x => x.Activity).ToArray(), cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < immediate.Count; i++)
            {
                responses[immediate[i].Index] = i < sent.Length ? sent[i] : new ResourceResponse();
            }
        }

        return responses;
    }

    private static bool IsVisible(Activity activity)
        => !activity.IsType(ActivityTypes.Typing) && !activity.IsType(ActivityTypes.Trace) && !activity.IsType(ActivityTypes.InvokeResponse);

    private Task<ResourceResponse> RunUpdateHooksAsync(Activity activity, int index, CancellationToken cancellationToken)
        => index < _onUpdate.Count
            ? _onUpdate[index](this, activity, () => RunUpdateHooksAsync(activity, index + 1, cancellationToken))
            : Adapter.UpdateActivityAsync(this, activity, cancellationToken);

    private Task RunDeleteHooksAsync(ConversationReference reference, int index, CancellationToken cancellationToken)
        => index < _onDelete.Count
            ? _onDelete[index](this, reference, () => RunDeleteHooksAsync(reference, index + 1, cancellationToken))
            : Adapter.DeleteActivityAsync(this, reference, cancellationToken);
}
