namespace SupportBot.StateMachine.Reflection;

/// <summary>A read-only description of one state.</summary>
public sealed class StateInfo
{
    internal StateInfo(object underlyingState) => UnderlyingState = underlyingState;

    /// <summary>The state value.</summary>
    public object UnderlyingState { get; }

    /// <summary>The parent state, if any.</summary>
    public StateInfo? Superstate { get; internal set; }

    /// <summary>Direct substates in configuration order.</summary>
    public IReadOnlyList<StateInfo> Substates { get; internal set; } = [];

    /// <summary>The substate entered automatically, if an initial transition is configured.</summary>
    public StateInfo? InitialTransitionTarget { get; internal set; }

    /// <summary>Entry actions (with the trigger they are limited to, for OnEntryFrom).</summary>
    public IReadOnlyList<ActionInfo> EntryActions { get; internal set; } = [];

    /// <summary>Exit actions.</summary>
    public IReadOnlyList<InvocationInfo> ExitActions { get; internal set; } = [];

    /// <summary>Activation actions.</summary>
    public IReadOnlyList<InvocationInfo> ActivateActions { get; internal set; } = [];

    /// <summary>Deactivation actions.</summary>
    public IReadOnlyList<InvocationInfo> DeactivateActions { get; internal set; } = [];

    /// <summary>Every transition of this state, of any kind, in configuration order.</summary>
    public IReadOnlyList<TransitionInfo> Transitions { get; internal set; } = [];

    /// <summary>Transitions with a fixed destination (Permit, PermitIf, PermitReentry).</summary>
    public IEnumerable<FixedTransitionInfo> FixedTransitions => Transitions.OfType<FixedTransitionInfo>();

    /// <summary>Transitions whose destination is chosen at fire time.</summary>
    public IEnumerable<DynamicTransitionInfo> DynamicTransitions => Transitions.OfType<DynamicTransitionInfo>();

    /// <summary>Triggers that are ignored in this state.</summary>
    public IEnumerable<IgnoredTransitionInfo> IgnoredTriggers => Transitions.OfType<IgnoredTransitionInfo>();

    /// <summary>Internal transitions (action without leaving the state).</summary>
    public IEnumerable<InternalTransitionInfo> InternalTransitions => Transitions.OfType<InternalTransitionInfo>();

    /// <inheritdoc />
    public override string ToString() => UnderlyingState.ToString() ?? string.Empty;
}
