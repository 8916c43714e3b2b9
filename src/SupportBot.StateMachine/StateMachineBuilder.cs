namespace SupportBot.StateMachine;

/// <summary>
/// Collects the configuration of a state machine (same <c>Configure(...)</c> API as <see cref="StateMachine{TState,TTrigger}"/>)
/// and turns it into one immutable, thread-safe <see cref="StateMachineDefinition{TState,TTrigger}"/> that many machines share.
/// </summary>
/// <typeparam name="TState">The state type (enum, string, ...).</typeparam>
/// <typeparam name="TTrigger">The trigger type (enum, string, ...).</typeparam>
public sealed class StateMachineBuilder<TState, TTrigger>
    where TState : notnull
    where TTrigger : notnull
{
    private readonly Dictionary<TState, StateMachine<TState, TTrigger>.StateRepresentation> _states = [];
    private readonly Dictionary<TTrigger, StateMachine<TState, TTrigger>.TriggerWithParameters> _triggerParameters = [];
    private readonly bool _hasInitialState;
    private readonly TState _initialState = default!;
    private StateMachineDefinition<TState, TTrigger>? _built;
    private string _frozenReason = "Build() has already been called on this builder; a definition is immutable.";

    /// <summary>Creates a builder without an initial state (machines get theirs from Bind/CreateMachine).</summary>
    public StateMachineBuilder()
    {
    }

    /// <summary>Creates a builder whose definition reports <paramref name="initialState"/> in GetInfo() and graphs.</summary>
    /// <param name="initialState">The state new conversations start in.</param>
    public StateMachineBuilder(TState initialState)
    {
        _hasInitialState = true;
        _initialState = initialState;
        GetOrAdd(initialState);
    }

    /// <summary>True once <see cref="Build"/> has run; further configuration throws.</summary>
    public bool IsBuilt => _built is not null;

    /// <summary>Begins configuration of <paramref name="state"/>; may be called several times for the same state.</summary>
    /// <param name="state">The state to configure.</param>
    /// <returns>A fluent configuration object for the state.</returns>
    public StateMachine<TState, TTrigger>.StateConfiguration Configure(TState state)
    {
        EnsureOpen();
        return new StateMachine<TState, TTrigger>.StateConfiguration(this, GetOrAdd(state));
    }

    /// <summary>Declares that <paramref name="trigger"/> is fired with one argument of type <typeparamref name="TArg0"/>.</summary>
    /// <typeparam name="TArg0">Type of the argument.</typeparam>
    /// <param name="trigger">The trigger.</param>
    /// <returns>The typed trigger to pass to Fire and to typed configuration methods.</returns>
    public StateMachine<TState, TTrigger>.TriggerWithParameters<TArg0> SetTriggerParameters<TArg0>(TTrigger trigger) =>
        Register(new StateMachine<TState, TTrigger>.TriggerWithParameters<TArg0>(trigger));

    /// <summary>Declares that <paramref name="trigger"/> is fired with two typed arguments.</summary>
    /// <typeparam name="TArg0">Type of the first argument.</typeparam>
    /// <typeparam name="TArg1">Type of the second argument.</typeparam>
    /// <param name="trigger">The trigger.</param>
    /// <returns>The typed trigger.</returns>
    public StateMachine<TState, TTrigger>.TriggerWithParameters<TArg0, TArg1> SetTriggerParameters<TArg0, TArg1>(TTrigger trigger) =>
        Register(new StateMachine<TState, TTrigger>.TriggerWithParameters<TArg0, TArg1>(trigger));

    /// <summary>Declares that <paramref name="trigger"/> is fired with three typed arguments.</summary>
    /// <typeparam name="TArg0">Type of the first argument.</typeparam>
    /// <typeparam name="TArg1">Type of the second argument.</typeparam>
    /// <typeparam name="TArg2">Type of the third argument.</typeparam>
    /// <param name="trigger">The trigger.</param>
    /// <returns>The typed trigger.</returns>
    public StateMachine<TState, TTrigger>.TriggerWithParameters<TArg0, TArg1, TArg2> SetTriggerParameters<TArg0, TArg1, TArg2>(
        TTrigger trigger) =>
        Register(new StateMachine<TState, TTrigger>.TriggerWithParameters<TArg0, TArg1, TArg2>(trigger));

    /// <summary>
    /// Validates the configuration and returns the immutable definition. The builder is closed afterwards
    /// (further configuration throws); calling Build again returns the same definition.
    /// </summary>
    /// <returns>A thread-safe definition to bind machines to.</returns>
    public StateMachineDefinition<TState, TTrigger> Build()
    {
        if (_built is not null)
        {
            return _built;
        }

        foreach (var representation in _states.Values)
        {
            if (representation.HasInitialTransition
                && (!_states.TryGetValue(representation.InitialTransitionTarget, out var target)
                    || target.Superstate is null
                    || !representation.Includes(representation.InitialTransitionTarget)))
            {
                throw new InvalidOperationException(
                    $"The initial transition of state '{representation.UnderlyingState}' targets " +
                    $"'{representation.InitialTransitionTarget}', which is not one of its substates.");
            }
        }

        _built = new StateMachineDefinition<TState, TTrigger>(_states, _triggerParameters, _hasInitialState, _initialState);
        return _built;
    }

    internal void Freeze(string reason)
    {
        _frozenReason = reason;
        Build();
    }

    internal void EnsureOpen()
    {
        if (_built is not null)
        {
            throw new InvalidOperationException(_frozenReason);
        }
    }

    internal StateMachine<TState, TTrigger>.StateRepresentation GetOrAdd(TState state)
    {
        if (!_states.TryGetValue(state, out var representation))
        {
            representation = new StateMachine<TState, TTrigger>.StateRepresentation(state);
            _states.Add(state, representation);
        }

        return representation;
    }

    private TTyped Register<TTyped>(TTyped trigger)
        where TTyped : StateMachine<TState, TTrigger>.TriggerWithParameters
    {
        EnsureOpen();
        if (!_triggerParameters.TryAdd(trigger.Trigger, trigger))
        {
            throw new InvalidOperationException($"Parameters for trigger '{trigger.Trigger}' have already been configured.");
        }

        return trigger;
    }
}
