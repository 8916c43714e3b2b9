namespace SupportBot.StateMachine;

public partial class StateMachine<TState, TTrigger>
{
    private static readonly EqualityComparer<TState> StateEquality = EqualityComparer<TState>.Default;

    /// <summary>
    /// The one firing path shared by Fire and FireAsync. With <paramref name="syncOnly"/> it never awaits real work
    /// (async delegates throw first), so the sync API can complete the ValueTask synchronously.
    /// </summary>
    private ValueTask FireCoreAsync(TTrigger trigger, object?[] args, bool syncOnly)
    {
        if (_firingMode == FiringMode.Immediate)
        {
            return ProcessAsync(trigger, args, syncOnly);
        }

        if (_isFiring)
        {
            (_queue ??= new Queue<QueuedTrigger>()).Enqueue(new QueuedTrigger(trigger, args));
            return ValueTask.CompletedTask;
        }

        _isFiring = true;
        ValueTask pending;
        try
        {
            pending = ProcessAsync(trigger, args, syncOnly);
        }
        catch
        {
            AbandonQueue();
            throw;
        }

        // Fast path: finished synchronously with nothing queued behind it.
        if (pending.IsCompletedSuccessfully && _queue is not { Count: > 0 })
        {
            _isFiring = false;
            return ValueTask.CompletedTask;
        }

        return DrainQueueAsync(pending, syncOnly);
    }

    private async ValueTask DrainQueueAsync(ValueTask current, bool syncOnly)
    {
        try
        {
            await current.ConfigureAwait(false);
            while (_queue is { Count: > 0 } queue)
            {
                var next = queue.Dequeue();
                await ProcessAsync(next.Trigger, next.Args, syncOnly).ConfigureAwait(false);
            }

            _isFiring = false;
        }
        catch
        {
            AbandonQueue();
            throw;
        }
    }

    // Documented rule: a failure abandons the triggers that were queued behind it.
    private void AbandonQueue()
    {
        _queue?.Clear();
        _isFiring = false;
    }

    private void RunSync(ValueTask pending)
    {
        if (!pending.IsCompleted)
        {
            // Unreachable by design (async delegates throw on the sync path); guard against misuse anyway.
            throw new InvalidOperationException("The synchronous API did not complete synchronously; use the async API.");
        }

        pending.GetAwaiter().GetResult();
    }

    /// <summary>Processes one trigger; stays synchronous until an async guard or action is actually met.</summary>
    private ValueTask ProcessAsync(TTrigger trigger, object?[] args, bool syncOnly)
    {
        var definition = Definition;
        definition.ValidateParameters(trigger, args);
        var source = State;
        var representation = definition.GetRepresentation(source);
        var found = representation.FindHandlerAsync(trigger, args, syncOnly);
        return found.IsCompletedSuccessfully
            ? DispatchAsync(found.Result, representation, source, trigger, args, syncOnly)
            : AwaitHandlerThenDispatchAsync(found, representation, source, trigger, args, syncOnly);
    }

    private async ValueTask AwaitHandlerThenDispatchAsync(
        ValueTask<HandlerResult> found, StateRepresentation representation, TState source, TTrigger trigger, object?[] args, bool syncOnly)
    {
        var result = await found.ConfigureAwait(false);
        await DispatchAsync(result, representation, source, trigger, args, syncOnly).ConfigureAwait(false);
    }

    private ValueTask DispatchAsync(
        HandlerResult result, StateRepresentation representation, TState source, TTrigger trigger, object?[] args, bool syncOnly)
    {
        switch (result.Handler)
        {
            case null:
                return HandleUnhandledAsync(source, trigger, result.UnmetGuards, syncOnly);
            case IgnoredBehaviour:
                return ValueTask.CompletedTask;
            case InternalBehaviour internalBehaviour:
                var inPlace = new Transition(source, source, trigger, args, TransitionKind.Internal);
                return internalBehaviour.Action.ExecuteAsync(inPlace, args, syncOnly);
            case FixedBehaviour fixedBehaviour:
                return TransitionAsync(representation, source, fixedBehaviour.Destination, trigger, args, syncOnly);
            case DynamicBehaviour dynamicBehaviour:
                return TransitionToSelectedAsync(dynamicBehaviour, representation, source, trigger, args, syncOnly);
            default:
                throw new InvalidOperationException($"Unknown behaviour {result.Handler.GetType().Name}.");
        }
    }

    private async ValueTask TransitionToSelectedAsync(
        DynamicBehaviour behaviour, StateRepresentation representation, TState source, TTrigger trigger, object?[] args, bool syncOnly)
    {
        var destination = await behaviour.SelectAsync(args, syncOnly).ConfigureAwait(false);
        await TransitionAsync(representation, source, destination, trigger, args, syncOnly).ConfigureAwait(false);
    }

    private ValueTask TransitionAsync(
        StateRepresentation from, TState source, TState destination, TTrigger trigger, object?[] args, bool syncOnly)
    {
        var kind = StateEquality.Equals(source, destination) ? TransitionKind.Reentry : TransitionKind.Normal;
        var transition = new Transition(source, destination, trigger, args, kind);
        var exit = from.ExitAsync(transition, syncOnly);
        return exit.IsCompletedSuccessfully ? ArriveAsync(transition, syncOnly) : ExitThenArriveAsync(exit, transition, syncOnly);
    }

    private async ValueTask ExitThenArriveAsync(ValueTask exit, Transition transition, bool syncOnly)
    {
        await exit.ConfigureAwait(false);
        await ArriveAsync(transition, syncOnly).ConfigureAwait(false);
    }

    /// <summary>Changes the state, raises OnTransitioned, runs entry actions and initial transitions, raises Completed.</summary>
    private ValueTask ArriveAsync(Transition transition, bool syncOnly)
    {
        SetState(transition.Destination);
        if (_events is null)
        {
            // Fast path: no event handlers and no initial transition means only the entry actions remain.
            var representation = Definition.GetRepresentation(transition.Destination);
            if (!representation.HasInitialTransition)
            {
                return representation.EnterAsync(transition, syncOnly);
            }
        }

        return RaiseAndEnterAsync(transition, syncOnly);
    }

    private async ValueTask RaiseAndEnterAsync(Transition transition, bool syncOnly)
    {
        await RaiseAsync(_events?.Transitioned, transition, syncOnly).ConfigureAwait(false);

        // If an entry action throws, we stay in the destination and Completed is not raised (documented rule).
        var destination = transition.Destination;
        var final = await EnterAsync(Definition.GetRepresentation(destination), transition, syncOnly).ConfigureAwait(false);
        if (_events is { Completed.Count: > 0 } events)
        {
            var completed = StateEquality.Equals(final, destination)
                ? transition
                : new Transition(transition.Source, final, transition.Trigger, transition.Parameters, TransitionKind.Normal);
            await RaiseAsync(events.Completed, completed, syncOnly).ConfigureAwait(false);
        }
    }

    /// <summary>Enters a state, then follows initial transitions down the hierarchy; returns the state it settled in.</summary>
    private async ValueTask<TState> EnterAsync(StateRepresentation representation, Transition transition, bool syncOnly)
    {
        while (true)
        {
            await representation.EnterAsync(transition, syncOnly).ConfigureAwait(false);

            // In Immediate mode an entry action may already have moved the machine on; do not undo that.
            if (!representation.HasInitialTransition || !StateEquality.Equals(State, representation.UnderlyingState))
            {
                return State;
            }

            transition = new Transition(
                representation.UnderlyingState, representation.InitialTransitionTarget, transition.Trigger, transition.Parameters,
                TransitionKind.Initial);
            SetState(transition.Destination);
            await RaiseAsync(_events?.Transitioned, transition, syncOnly).ConfigureAwait(false);
            representation = Definition.GetRepresentation(transition.Destination);
        }
    }
}
