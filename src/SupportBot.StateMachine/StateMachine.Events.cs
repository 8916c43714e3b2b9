using SupportBot.StateMachine.Internal;

namespace SupportBot.StateMachine;

public partial class StateMachine<TState, TTrigger>
{
    /// <summary>
    /// Registers a handler raised on every state change, after exit actions and the state change
    /// but before entry actions. Handlers run in registration order.
    /// </summary>
    /// <param name="onTransition">The handler.</param>
    public void OnTransitioned(Action<Transition> onTransition)
    {
        ArgumentNullException.ThrowIfNull(onTransition);
        Events.Transitioned.Add(new ActionBehaviour<Transition>((t, _) => onTransition(t), onTransition, null));
    }

    /// <summary>Async form of <see cref="OnTransitioned(Action{Transition})"/>; requires FireAsync.</summary>
    /// <param name="onTransitionAsync">The handler.</param>
    public void OnTransitionedAsync(Func<Transition, Task> onTransitionAsync)
    {
        ArgumentNullException.ThrowIfNull(onTransitionAsync);
        Events.Transitioned.Add(new ActionBehaviour<Transition>((t, _) => onTransitionAsync(t), onTransitionAsync, null));
    }

    /// <summary>
    /// Registers a handler raised after the last entry action (and initial transitions) of a transition.
    /// Its Destination is the final state. Not raised when an entry action throws.
    /// </summary>
    /// <param name="onTransitionCompleted">The handler.</param>
    public void OnTransitionCompleted(Action<Transition> onTransitionCompleted)
    {
        ArgumentNullException.ThrowIfNull(onTransitionCompleted);
        Events.Completed.Add(new ActionBehaviour<Transition>((t, _) => onTransitionCompleted(t), onTransitionCompleted, null));
    }

    /// <summary>Async form of <see cref="OnTransitionCompleted(Action{Transition})"/>; requires FireAsync.</summary>
    /// <param name="onTransitionCompletedAsync">The handler.</param>
    public void OnTransitionCompletedAsync(Func<Transition, Task> onTransitionCompletedAsync)
    {
        ArgumentNullException.ThrowIfNull(onTransitionCompletedAsync);
        Events.Completed.Add(new ActionBehaviour<Transition>((t, _) => onTransitionCompletedAsync(t), onTransitionCompletedAsync, null));
    }

    /// <summary>
    /// Replaces the default InvalidOperationException for a trigger that is not permitted in the current state.
    /// The handler receives the state, the trigger and the descriptions of the guards that were not met.
    /// </summary>
    /// <param name="unhandledTriggerAction">The handler.</param>
    public void OnUnhandledTrigger(Action<TState, TTrigger, ICollection<string>> unhandledTriggerAction)
    {
        ArgumentNullException.ThrowIfNull(unhandledTriggerAction);
        Events.Unhandled = (s, t, g) =>
        {
            unhandledTriggerAction(s, t, g);
            return Task.CompletedTask;
        };
        Events.UnhandledIsAsync = false;
    }

    /// <summary>Async form of <see cref="OnUnhandledTrigger"/>; requires FireAsync.</summary>
    /// <param name="unhandledTriggerAction">The handler.</param>
    public void OnUnhandledTriggerAsync(Func<TState, TTrigger, ICollection<string>, Task> unhandledTriggerAction)
    {
        ArgumentNullException.ThrowIfNull(unhandledTriggerAction);
        Events.Unhandled = unhandledTriggerAction;
        Events.UnhandledIsAsync = true;
    }

    private MachineEvents Events => _events ??= new MachineEvents();

    private static ValueTask RaiseAsync(List<ActionBehaviour<Transition>>? handlers, Transition transition, bool syncOnly) =>
        handlers is null || handlers.Count == 0 ? ValueTask.CompletedTask : RaiseCoreAsync(handlers, transition, syncOnly);

    private static async ValueTask RaiseCoreAsync(List<ActionBehaviour<Transition>> handlers, Transition transition, bool syncOnly)
    {
        foreach (var handler in handlers)
        {
            await handler.ExecuteAsync(transition, transition.Parameters, syncOnly).ConfigureAwait(false);
        }
    }

    private ValueTask HandleUnhandledAsync(TState state, TTrigger trigger, List<string>? unmetGuards, bool syncOnly)
    {
        ICollection<string> unmet = unmetGuards ?? [];
        if (_events?.Unhandled is { } handler)
        {
            if (_events.UnhandledIsAsync && syncOnly)
            {
                throw SyncOverAsync.Error("unhandled-trigger handler");
            }

            return new ValueTask(handler(state, trigger, unmet));
        }

        throw new InvalidOperationException(unmet.Count == 0
            ? $"No valid leaving transitions are permitted from state '{state}' for trigger '{trigger}'. " +
              "Consider ignoring the trigger."
            : $"Trigger '{trigger}' is valid for transition from state '{state}' but a guard condition is not met. " +
              $"Guard descriptions: '{string.Join("', '", unmet)}'.");
    }

    /// <summary>Per-machine handlers, created only when one is registered so bound machines stay small.</summary>
    private sealed class MachineEvents
    {
        internal List<ActionBehaviour<Transition>> Transitioned { get; } = [];

        internal List<ActionBehaviour<Transition>> Completed { get; } = [];

        internal Func<TState, TTrigger, ICollection<string>, Task>? Unhandled { get; set; }

        internal bool UnhandledIsAsync { get; set; }
    }
}
