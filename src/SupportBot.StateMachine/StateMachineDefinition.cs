using SupportBot.StateMachine.Reflection;

namespace SupportBot.StateMachine;

/// <summary>
/// An immutable, thread-safe state machine configuration produced by <see cref="StateMachineBuilder{TState,TTrigger}.Build"/>.
/// Build it once per process and bind a cheap machine to each conversation's state.
/// </summary>
/// <typeparam name="TState">The state type.</typeparam>
/// <typeparam name="TTrigger">The trigger type.</typeparam>
public sealed class StateMachineDefinition<TState, TTrigger>
    where TState : notnull
    where TTrigger : notnull
{
    private readonly Dictionary<TState, StateMachine<TState, TTrigger>.StateRepresentation> _states;
    private readonly Dictionary<TTrigger, StateMachine<TState, TTrigger>.TriggerWithParameters> _triggerParameters;
    private readonly TState _initialState;

    internal StateMachineDefinition(
        Dictionary<TState, StateMachine<TState, TTrigger>.StateRepresentation> states,
        Dictionary<TTrigger, StateMachine<TState, TTrigger>.TriggerWithParameters> triggerParameters,
        bool hasInitialState,
        TState initialState)
    {
        // The builder is closed once this exists, so these collections are never written again: safe to read concurrently.
        _states = states;
        _triggerParameters = triggerParameters;
        HasInitialState = hasInitialState;
        _initialState = initialState;
    }

    /// <summary>True when the builder was created with an initial state.</summary>
    public bool HasInitialState { get; }

    /// <summary>The builder's initial state; throws when none was given.</summary>
    public TState InitialState => HasInitialState
        ? _initialState
        : throw new InvalidOperationException("This definition was built without an initial state.");

    /// <summary>
    /// Binds a machine to state stored elsewhere (for example a conversation record). Allocates only the machine object.
    /// </summary>
    /// <param name="stateAccessor">Reads the current state.</param>
    /// <param name="stateMutator">Writes the new state; called once per state change.</param>
    /// <param name="firingMode">How nested triggers are processed.</param>
    /// <returns>A machine that shares this definition.</returns>
    public StateMachine<TState, TTrigger> Bind(Func<TState> stateAccessor, Action<TState> stateMutator, FiringMode firingMode = FiringMode.Queued)
    {
        ArgumentNullException.ThrowIfNull(stateAccessor);
        ArgumentNullException.ThrowIfNull(stateMutator);
        return new StateMachine<TState, TTrigger>(this, stateAccessor, stateMutator, default!, firingMode);
    }

    /// <summary>Creates a machine that keeps its own state, starting in <paramref name="initialState"/>.</summary>
    /// <param name="initialState">The starting state.</param>
    /// <param name="firingMode">How nested triggers are processed.</param>
    /// <returns>A machine that shares this definition.</returns>
    public StateMachine<TState, TTrigger> CreateMachine(TState initialState, FiringMode firingMode = FiringMode.Queued) =>
        new(this, null, null, initialState, firingMode);

    /// <summary>Describes the configured states and transitions (for graphs and documentation).</summary>
    /// <returns>The reflection model; its InitialState is set when the builder had one.</returns>
    public StateMachineInfo GetInfo() => InfoFactory.Create(this, HasInitialState, _initialState);

    internal IEnumerable<StateMachine<TState, TTrigger>.StateRepresentation> States => _states.Values;

    internal StateMachine<TState, TTrigger>.StateRepresentation GetRepresentation(TState state) =>
        _states.TryGetValue(state, out var representation)
            ? representation
            : new StateMachine<TState, TTrigger>.StateRepresentation(state); // unconfigured state: nothing permitted

    internal void ValidateParameters(TTrigger trigger, object?[] args)
    {
        if (_triggerParameters.Count != 0 && _triggerParameters.TryGetValue(trigger, out var typed))
        {
            typed.ValidateParameters(args);
        }
    }
}
