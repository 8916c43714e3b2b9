using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SupportBot.Builder.State;
using SupportBot.Schema;
using SupportBot.Storage;

namespace SupportBot.Builder;

/// <summary>
/// Runs inbound turns for every channel adapter, with the guarantees the SDK never gave:
/// <list type="bullet">
/// <item>turns of one conversation run one at a time (the <see cref="IConversationLockProvider"/>: in-process by default,
/// across instances with a shared store's provider; other conversations in parallel);</item>
/// <item>state is loaded at the start and saved at the end with an ETag check; on conflict the turn's outputs are
/// discarded and the whole turn re-runs on fresh state (bounded, then <see cref="BotAdapter.OnTurnError"/>);</item>
/// <item>replies are held until the save succeeded (typing goes out at once), so a re-run never sends twice;</item>
/// <item>a redelivered activity id is acknowledged without running again (the state remembers recent ids);</item>
/// <item>a failing turn saves no state, the error handler apologises, and the conversation stays usable.</item>
/// </list>
/// </summary>
public sealed class ConversationTurnRunner
{
    private readonly BotAdapter _adapter;
    private readonly IConversationStateStore _store;
    private readonly ILogger _logger;
    private readonly ConversationTurnRunnerOptions _options;
    private readonly IConversationLockProvider _locks;
    private int _busyTurns;

    /// <summary>
    /// Creates a runner delivering through <paramref name="adapter"/> and keeping state in <paramref name="store"/>.
    /// Pass the host's registered <paramref name="locks"/> so turns are serialised wherever the store is shared
    /// (several instances on one database); without it the lock is this runner's own, in-process one.
    /// </summary>
    public ConversationTurnRunner(
        BotAdapter adapter,
        IConversationStateStore store,
        ILogger<ConversationTurnRunner>? logger = null,
        ConversationTurnRunnerOptions? options = null,
        IConversationLockProvider? locks = null)
    {
        _locks = locks ?? new InProcessConversationLockProvider();
        _adapter = adapter ?? throw new ArgumentNullException(nameof(adapter));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _logger = logger ?? NullLogger<ConversationTurnRunner>.Instance;
        _options = options ?? new ConversationTurnRunnerOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.ProcessedActivityIdCapacity, 1);
    }

    /// <summary>Turns of this runner running or waiting for their conversation's lock right now (0 when idle).</summary>
    public int BusyConversationCount => Volatile.Read(ref _busyTurns);

    /// <summary>
    /// Runs one inbound activity: middleware, then <paramref name="callback"/> (usually <c>bot.OnTurnAsync</c>).
    /// Replies are delivered through the adapter's <see cref="BotAdapter.SendActivitiesAsync"/> after the save.
    /// Pass a token that lives as long as the app rather than the HTTP request when replies are sent proactively.
    /// </summary>
    public async Task<ConversationTurnResult> RunTurnAsync(Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken = default)
    {
        var conversationId = ConversationIdOf(activity, callback);
        Interlocked.Increment(ref _busyTurns);
        try
        {
            await using var held = await _locks.AcquireAsync(conversationId, cancellationToken).ConfigureAwait(false);
            return await RunLockedAsync(conversationId, activity, callback, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _busyTurns);
        }
    }

    /// <summary>
    /// Like <see cref="RunTurnAsync"/>, for a caller that already holds the conversation's lock from the same
    /// <see cref="IConversationLockProvider"/> (Direct Line holds it from logging the user's message to the end of the
    /// turn, so replies follow their message). The lock is not re-entrant, hence this separate entry point.
    /// </summary>
    public async Task<ConversationTurnResult> RunTurnHoldingLockAsync(Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken = default)
    {
        var conversationId = ConversationIdOf(activity, callback);
        Interlocked.Increment(ref _busyTurns);
        try
        {
            return await RunLockedAsync(conversationId, activity, callback, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _busyTurns);
        }
    }

    /// <summary>Runs a proactive turn (a <c>ContinueConversation</c> event) with the conversation's lock and state.</summary>
    public Task<ConversationTurnResult> ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken = default)
        => RunTurnAsync(BotAdapter.CreateContinuationActivity(reference), callback, cancellationToken);

    private static string ConversationIdOf(Activity activity, BotCallbackHandler callback)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(callback);
        var conversationId = activity.Conversation?.Id;
        return string.IsNullOrEmpty(conversationId)
            ? throw new ArgumentException("The activity has no conversation.id.", nameof(activity))
            : conversationId;
    }

    private async Task<ConversationTurnResult> RunLockedAsync(string conversationId, Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        // The bot may edit the inbound activity (e.g. strip a mention); a re-run must start from the original.
        var pristine = _options.MaxAttempts > 1 ? BotJson.SerializeToUtf8Bytes(activity) : null;
        for (var attempt = 1; attempt <= _options.MaxAttempts; attempt++)
        {
            var turnActivity = attempt == 1 ? activity : BotJson.DeserializeActivity(pristine)!;
            TurnContext context;
            long? savedVersion;
            try
            {
                var state = LoadedConversationState.Load(await _store.ReadAsync(conversationId, cancellationToken).ConfigureAwait(false));
                if (activity.Id is { } id && state.HasProcessed(id))
                {
                    _logger.LogInformation("Conversation {ConversationId}: activity {ActivityId} was already processed; acknowledged without running.", conversationId, id);
                    return new ConversationTurnResult { Status = TurnStatus.Duplicate, Attempts = attempt - 1 };
                }

                context = new TurnContext(_adapter, turnActivity) { Outbox = new OutgoingActivityBuffer() };
                ConversationState.Attach(context, state);
                await _adapter.MiddlewareSet.ReceiveActivityWithStatusAsync(context, callback, cancellationToken).ConfigureAwait(false);

                var json = state.ToJson(activity.Id, _options.ProcessedActivityIdCapacity);
                savedVersion = await _store.TryWriteAsync(conversationId, json, state.Version, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                return await FailAsync(conversationId, turnActivity, ex, attempt, cancellationToken).ConfigureAwait(false);
            }

            if (savedVersion is null)
            {
                _logger.LogInformation("Conversation {ConversationId}: state changed during the turn (attempt {Attempt}); discarding its replies and re-running.", conversationId, attempt);
                continue;
            }

            return await DeliverAsync(context, attempt).ConfigureAwait(false);
        }

        var conflict = new StateConflictException(conversationId, _options.MaxAttempts);
        return await FailAsync(conversationId, BotJson.DeserializeActivity(pristine ?? BotJson.SerializeToUtf8Bytes(activity))!, conflict, _options.MaxAttempts, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ConversationTurnResult> DeliverAsync(TurnContext context, int attempt)
    {
        InvokeResponse? invokeResponse = null;
        var toSend = new List<Activity>();
        foreach (var held in context.Outbox!.Activities)
        {
            if (held.IsType(ActivityTypes.InvokeResponse))
            {
                invokeResponse = held.GetValue<InvokeResponse>();
            }
            else
            {
                toSend.Add(held);
            }
        }

        var responses = Array.Empty<ResourceResponse>();
        if (toSend.Count > 0)
        {
            try
            {
                // Not cancellable: the state is saved, so these replies must go out even if the caller gave up.
                responses = await _adapter.SendActivitiesAsync(context, toSend.ToArray(), CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Conversation {ConversationId}: state saved but {Count} replies could not be delivered.", context.Activity.Conversation?.Id, toSend.Count);
                throw;
            }
        }

        return new ConversationTurnResult
        {
            Status = TurnStatus.Processed,
            Attempts = attempt,
            InvokeResponse = invokeResponse,
            Delivered = toSend,
            Responses = responses,
        };
    }

    private async Task<ConversationTurnResult> FailAsync(string conversationId, Activity activity, Exception error, int attempt, CancellationToken cancellationToken)
    {
        _logger.LogError(error, "Conversation {ConversationId}: turn for activity {ActivityId} ({ActivityType}) failed; its state is not saved.", conversationId, activity.Id, activity.Type);
        await MarkProcessedAsync(conversationId, activity.Id, cancellationToken).ConfigureAwait(false);

        // A fresh context without an outbox: the apology goes out now, the failed turn's replies are dropped.
        var errorContext = new TurnContext(_adapter, activity);
        var handler = _adapter.OnTurnError ?? SendApologyAsync;
        await handler(errorContext, error).ConfigureAwait(false);

        return new ConversationTurnResult
        {
            Status = TurnStatus.Failed,
            Attempts = attempt,
            Error = error,
            InvokeResponse = activity.IsType(ActivityTypes.Invoke) ? new InvokeResponse { Status = 500 } : null,
        };
    }

    // Records the id without the failed turn's changes, so a redelivery does not fail (and apologise) twice.
    private async Task MarkProcessedAsync(string conversationId, string? activityId, CancellationToken cancellationToken)
    {
        if (activityId is null)
        {
            return;
        }

        try
        {
            for (var attempt = 0; attempt < _options.MaxAttempts; attempt++)
            {
                var state = LoadedConversationState.Load(await _store.ReadAsync(conversationId, cancellationToken).ConfigureAwait(false));
                if (state.HasProcessed(activityId))
                {
                    return;
                }

                var json = state.ToJson(activityId, _options.ProcessedActivityIdCapacity);
                if (await _store.TryWriteAsync(conversationId, json, state.Version, cancellationToken).ConfigureAwait(false) is not null)
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogWarning(ex, "Conversation {ConversationId}: could not record failed activity {ActivityId} as processed.", conversationId, activityId);
        }
    }

    private static Task SendApologyAsync(ITurnContext turnContext, Exception error)
    {
        var activity = turnContext.Activity;
        if (activity.IsType(ActivityTypes.Invoke) || activity.IsType(ActivityTypes.Typing))
        {
            return Task.CompletedTask;
        }

        return turnContext.SendActivityAsync(TurnErrorMessages.ForLocale(activity.Locale));
    }
}
