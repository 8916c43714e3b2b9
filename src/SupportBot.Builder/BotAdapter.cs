using SupportBot.Schema;

namespace SupportBot.Builder;

/// <summary>
/// Connects the bot to a channel: delivers outgoing activities and runs the middleware pipeline.
/// Channel adapters derive from it and run inbound turns through a <see cref="ConversationTurnRunner"/>.
/// </summary>
public abstract class BotAdapter
{
    /// <summary>Name of the event activity a proactive turn starts with.</summary>
    public const string ContinueConversationEventName = "ContinueConversation";

    /// <summary>The middleware run on every turn, in order.</summary>
    public MiddlewareSet MiddlewareSet { get; } = new();

    /// <summary>
    /// Called when a turn throws (or its state cannot be saved). Receives a context whose sends go out
    /// immediately. When null, <see cref="ConversationTurnRunner"/> sends its default apology.
    /// </summary>
    public Func<ITurnContext, Exception, Task>? OnTurnError { get; set; }

    /// <summary>Adds middleware to the pipeline.</summary>
    public BotAdapter Use(IMiddleware middleware)
    {
        MiddlewareSet.Use(middleware);
        return this;
    }

    /// <summary>Delivers activities to the channel, in order; returns one response per activity.</summary>
    public abstract Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken);

    /// <summary>Replaces a sent activity. Not every channel supports it.</summary>
    public virtual Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
        => throw new NotSupportedException($"{GetType().Name} cannot update activities.");

    /// <summary>Deletes a sent activity. Not every channel supports it.</summary>
    public virtual Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken)
        => throw new NotSupportedException($"{GetType().Name} cannot delete activities.");

    /// <summary>
    /// Runs a proactive turn in a stored conversation: <paramref name="callback"/> gets a context whose inbound
    /// activity is a <c>ContinueConversation</c> event addressed from the reference. This base version runs
    /// without conversation state; adapters with a runner override it to use <see cref="ConversationTurnRunner.ContinueConversationAsync"/>.
    /// </summary>
    public virtual Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(callback);
        var context = new TurnContext(this, CreateContinuationActivity(reference));
        return RunPipelineAsync(context, callback, cancellationToken);
    }

    /// <summary>The synthetic inbound event of a proactive turn.</summary>
    public static Activity CreateContinuationActivity(ConversationReference reference)
    {
        var activity = new Activity(ActivityTypes.Event) { Name = ContinueConversationEventName };
        activity.ApplyConversationReference(reference, isIncoming: true);
        activity.Id = null; // not a redelivery of the referenced activity
        activity.ReplyToId = reference.ActivityId;
        return activity;
    }

    /// <summary>Runs middleware and <paramref name="callback"/>; errors go to <see cref="OnTurnError"/> (rethrown when none is set).</summary>
    protected async Task RunPipelineAsync(ITurnContext turnContext, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        try
        {
            await MiddlewareSet.ReceiveActivityWithStatusAsync(turnContext, callback, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (OnTurnError is not null && ex is not OperationCanceledException)
        {
            await OnTurnError(turnContext, ex).ConfigureAwait(false);
        }
    }
}
