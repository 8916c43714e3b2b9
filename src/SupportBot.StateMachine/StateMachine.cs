using SupportBot.StateMachine.Reflection;

namespace SupportBot.StateMachine;

/// <summary>
/// A hierarchical state machine in the style of Stateless. Either configure it directly (<see cref="Configure"/>),
/// or bind it to a shared <see cref="StateMachineDefinition{TState,TTrigger}"/>. Not thread-safe: use one machine
/// per conversation and fire one trigger at a time (the definition behind it is thread-safe).
/// </summary>
/// <typeparam name="TState">The state type (enum, string, ...).</typeparam>
/// <typeparam name="TTrigger">The trigger type (enum, string, ...).</typeparam>
public partial class StateMachine<TState, TTrigger>
    where TState : notnull
    where TTrigger : notnull
{
    // Kept deliberately small: a bound machine is one object holding the shared definition and the state delegates.
    private readonly Func<TState>? _stateAccessor;
    private readonly Action<TState>? _stateMutator;
    private readonly FiringMode _firingMode;
    private StateMachineDefinition<TState, TTrigger>? _definition;
    private StateMachineBuilder<TState, TTrigger>? _builder; // only for the Stateless-style constructors
    private TState _state;
    private bool _isFiring;
    private bool _isActive;
    private Queue<QueuedTrigger>? _queue;
    private MachineEvents? _events;

    /// <summary>Creates a self-configured machine that stores its own state.</summary>
    /// <param name="initialState">The starting state.</param>
    public StateMachine(TState initialState)
        : this(initialState, FiringMode.Queued)
    {
    }

    /// <summary>Creates a self-configured machine that stores its own state.</summary>
    /// <param name="initialState">The starting state.</param>
    /// <param name="firingMode">How nested triggers are processed.</param>
    public StateMachine(TState initialState, FiringMode firingMode)
    {
        _state = initialState;
        _firingMode = firingMode;
        _builder = new StateMachineBuilder<TState, TTrigger>(initialState);
    }

    /// <summary>Creates a self-configured machine whose state lives elsewhere.</summary>
    /// <param name="stateAccessor">Reads the current state.</param>
    /// <param name="stateMutator">Writes the new state; called once per state change.</param>
    public StateMachine(Func<TState> stateAccessor, Action<TState> stateMutator)
        : this(stateAccessor, stateMutator, FiringMode.Queued)
    {
    }

    /// <summary>Creates a self-configured machine whose state lives elsewhere.</summary>
    /// <param name="stateAccessor">Reads the current state.</param>
    /// <param name="stateMutator">Writes the new state; called once per state change.</param>
    /// <param name="firingMode">How nested triggers are processed.</param>
    public StateMachine(Func<TState> stateAccessor, Action<TState> stateMutator, FiringMode firingMode)
    {
        ArgumentNullException.ThrowIfNull(stateAccessor);
        ArgumentNullException.ThrowIfNull(stateMutator);
        _stateAccessor = stateAccessor;
        _stateMutator = stateMutator;
        _state = default!;
        _firingMode = firingMode;
        _builder = new StateMachineBuilder<TState, TTrigger>();
    }

    internal StateMachine(
        StateMachineDefinition<TState, TTrigger> definition, Func<TState>? accessor, Action<TState>? mutator, TState state, FiringMode mode)
    {
        _definition = definition;
        _stateAccessor = accessor;
        _stateMutator = mutator;
        _state = state;
        _firingMode = mode;
    }

    /// <summary>The current state (read through the accessor when state is stored externally).</summary>
    public TState State => _stateAccessor is null ? _state : _stateAccessor();

    /// <summary>The firing mode chosen at construction.</summary>
    public FiringMode FiringMode => _firingMode;

    /// <summary>
    /// The definition this machine runs. For a self-configured machine, reading it freezes the configuration.
    /// </summary>
    public StateMachineDefinition<TState, TTrigger> Definition => _definition ?? FreezeConfiguration();

    /// <summary>Begins configuration of <paramref name="state"/> (self-configured machines only, before the first Fire or GetInfo).</summary>
    /// <param name="state">The state to configure.</param>
    /// <returns>A fluent configuration object.</returns>
    public StateConfiguration Configure(TState state) => OpenBuilder().Configure(state);

    /// <summary>Declares that <paramref name="trigger"/> takes one argument.</summary>
    /// <typeparam name="TArg0">Type of the argument.</typeparam>
    /// <param name="trigger">The trigger.</param>
    /// <returns>The typed trigger.</returns>
    public TriggerWithParameters<TArg0> SetTriggerParameters<TArg0>(TTrigger trigger) =>
        OpenBuilder().SetTriggerParameters<TArg0>(trigger);

    /// <summary>Declares that <paramref name="trigger"/> takes two arguments.</summary>
    /// <typeparam name="TArg0">Type of the first argument.</typeparam>
    /// <typeparam name="TArg1">Type of the second argument.</typeparam>
    /// <param name="trigger">The trigger.</param>
    /// <returns>The typed trigger.</returns>
    public TriggerWithParameters<TArg0, TArg1> SetTriggerParameters<TArg0, TArg1>(TTrigger trigger) =>
        OpenBuilder().SetTriggerParameters<TArg0, TArg1>(trigger);

    /// <summary>Declares that <paramref name="trigger"/> takes three arguments.</summary>
    /// <typeparam name="TArg0">Type of the first argument.</typeparam>
    /// <typeparam name="TArg1">Type of the second argument.</typeparam>
    /// <typeparam name="TArg2">Type of the third argument.</typeparam>
    /// <param name="trigger">The trigger.</param>
    /// <returns>The typed trigger.</returns>
    public TriggerWithParameters<TArg0, TArg1, TArg2> SetTriggerParameters<TArg0, TArg1, TArg2>(TTrigger trigger) =>
        OpenBuilder().SetTriggerParameters<TArg0, TArg1, TArg2>(trigger);

    /// <summary>True when the current state is <paramref name="state"/> or a substate of it.</summary>
    /// <param name="state">The state to test.</param>
    /// <returns>Whether the machine is in that state.</returns>
    public bool IsInState(TState state) => Definition.GetRepresentation(State).IsIncludedIn(state);

    /// <summary>Describes the configuration; the current state is reported as the initial state.</summary>
    /// <returns>The reflection model used by the graph exporters.</returns>
    public StateMachineInfo GetInfo() => InfoFactory.Create(Definition, hasInitialState: true, State);

    /// <inheritdoc />
    public override string ToString() => $"StateMachine {{ State = {State} }}";

    private StateMachineBuilder<TState, TTrigger> OpenBuilder()
    {
        if (_builder is null)
        {
            throw new InvalidOperationException(
                "This machine is bound to a shared StateMachineDefinition, which is immutable; configure the StateMachineBuilder instead.");
        }

        _builder.EnsureOpen();
        return _builder;
    }

    private StateMachineDefinition<TState, TTrigger> FreezeConfiguration()
    {
        _builder!.Freeze("The configuration of this machine is frozen: it has already fired or been inspected (GetInfo). " +
            "Configure every state before the first Fire, or use StateMachineBuilder to build a shared definition.");
        _definition = _builder.Build();
        return _definition;
    }

    private void SetState(TState state)
    {
        if (_stateMutator is null)
        {
            _state = state;
        }
        else
        {
            _stateMutator(state);
        }
    }

    private readonly record struct QueuedTrigger(TTrigger Trigger, object?[] Args);
}
