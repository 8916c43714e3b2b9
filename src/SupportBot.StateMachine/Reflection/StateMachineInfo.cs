namespace SupportBot.StateMachine.Reflection;

/// <summary>A read-only description of a machine's configuration, used by the graph exporters.</summary>
public sealed class StateMachineInfo
{
    internal StateMachineInfo(StateInfo? initialState, IReadOnlyList<StateInfo> states, Type stateType, Type triggerType)
    {
        InitialState = initialState;
        States = states;
        StateType = stateType;
        TriggerType = triggerType;
    }

    /// <summary>The initial (or, for a machine, current) state; null when a definition has none.</summary>
    public StateInfo? InitialState { get; }

    /// <summary>All known states in configuration order (including states only referenced as destinations).</summary>
    public IReadOnlyList<StateInfo> States { get; }

    /// <summary>The state type argument.</summary>
    public Type StateType { get; }

    /// <summary>The trigger type argument.</summary>
    public Type TriggerType { get; }
}
