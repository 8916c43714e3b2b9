namespace SupportBot.StateMachine.Reflection;

/// <summary>Common data of a configured transition: the trigger and its guards.</summary>
public abstract class TransitionInfo
{
    private protected TransitionInfo(object trigger, IReadOnlyList<InvocationInfo> guardConditions)
    {
        Trigger = trigger;
        GuardConditions = guardConditions;
    }

    /// <summary>The trigger value.</summary>
    public object Trigger { get; }

    /// <summary>The guards that must all hold.</summary>
    public IReadOnlyList<InvocationInfo> GuardConditions { get; }

    /// <summary>The guard descriptions, in order.</summary>
    public IEnumerable<string> GuardDescriptions => GuardConditions.Select(g => g.Description);
}

/// <summary>A transition to a fixed destination (Permit, PermitIf, PermitReentry).</summary>
public sealed class FixedTransitionInfo : TransitionInfo
{
    internal FixedTransitionInfo(object trigger, IReadOnlyList<InvocationInfo> guards, StateInfo destination, bool isReentry)
        : base(trigger, guards)
    {
        DestinationState = destination;
        IsReentry = isReentry;
    }

    /// <summary>The destination state.</summary>
    public StateInfo DestinationState { get; }

    /// <summary>True for PermitReentry.</summary>
    public bool IsReentry { get; }
}

/// <summary>A transition whose destination is chosen at fire time (PermitDynamic).</summary>
public sealed class DynamicTransitionInfo : TransitionInfo
{
    internal DynamicTransitionInfo(
        object trigger, IReadOnlyList<InvocationInfo> guards, InvocationInfo selector, IReadOnlyList<StateInfo> possibleDestinations)
        : base(trigger, guards)
    {
        DestinationSelector = selector;
        PossibleDestinationStates = possibleDestinations;
    }

    /// <summary>The selector delegate and its description.</summary>
    public InvocationInfo DestinationSelector { get; }

    /// <summary>The states the selector was declared to return (may be empty).</summary>
    public IReadOnlyList<StateInfo> PossibleDestinationStates { get; }
}

/// <summary>A trigger that is accepted and ignored (Ignore, IgnoreIf).</summary>
public sealed class IgnoredTransitionInfo : TransitionInfo
{
    internal IgnoredTransitionInfo(object trigger, IReadOnlyList<InvocationInfo> guards)
        : base(trigger, guards)
    {
    }
}

/// <summary>An action run without leaving the state (InternalTransition).</summary>
public sealed class InternalTransitionInfo : TransitionInfo
{
    internal InternalTransitionInfo(object trigger, IReadOnlyList<InvocationInfo> guards, InvocationInfo action)
        : base(trigger, guards) => Action = action;

    /// <summary>The action delegate and its description.</summary>
    public InvocationInfo Action { get; }
}
